package org.pssr.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/** The architecture rules must bite: each deliberate offender, compiled into the tests only, fails its rule. */
class DependencyDirectionRuleTest {

	private static void caught(final ArchRule rule, final Class<?> offender) {
		assertThrows(AssertionError.class, () -> rule.check(new ClassFileImporter().importClasses(
			offender)));
	}

	@Test
	void aCziClassImportingImageJIsCaught() {
		caught(DependencyDirectionTest.CZI_IO_KNOWS_NOTHING_ABOVE_IT,
			org.pssr.czi.offender.CziClassThatImportsImageJ.class);
	}

	@Test
	void aJobWritingToImageJIsCaught() {
		caught(DependencyDirectionTest.JOBS_KNOW_NO_IMAGEJ_NO_PICOCLI_AND_NO_FRONT_END,
			org.pssr.app.offender.JobThatPrintsWithImageJ.class);
	}

	@Test
	void theCliCallingAFijiCommandIsCaught() {
		caught(DependencyDirectionTest.THE_CLI_DOES_NOT_IMPORT_FIJI,
			org.pssr.cli.offender.CliCommandThatCallsFiji.class);
	}

	@Test
	void theBenchCallingTheCliIsCaught() {
		caught(DependencyDirectionTest.BENCH_KNOWS_NO_FRONT_END,
			org.pssr.bench.offender.BenchThatCallsTheCli.class);
	}
}
