package org.pssr.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The architecture rules must bite: each deliberate offender, compiled into the tests only, fails its rule. */
class DependencyDirectionRuleTest {

	static Stream<Arguments> offenders() {
		return Stream.of(
			offender("a CZI class importing ImageJ", DependencyDirectionTest.CZI_IO_KNOWS_NOTHING_ABOVE_IT,
				org.pssr.czi.offender.CziClassThatImportsImageJ.class),
			offender("a job writing to ImageJ",
				DependencyDirectionTest.JOBS_KNOW_NO_IMAGEJ_NO_PICOCLI_AND_NO_FRONT_END,
				org.pssr.app.offender.JobThatPrintsWithImageJ.class),
			offender("the CLI calling a Fiji command", DependencyDirectionTest.THE_CLI_DOES_NOT_IMPORT_FIJI,
				org.pssr.cli.offender.CliCommandThatCallsFiji.class),
			offender("the bench calling the CLI", DependencyDirectionTest.BENCH_KNOWS_NO_FRONT_END,
				org.pssr.bench.offender.BenchThatCallsTheCli.class));
	}

	private static Arguments offender(final String what, final ArchRule rule,
		final Class<?> offender)
	{
		return Arguments.of(Named.of(what, rule), offender);
	}

	@ParameterizedTest(name = "{0} is caught")
	@MethodSource("offenders")
	void isCaught(final ArchRule rule, final Class<?> offender) {
		assertThrows(AssertionError.class, () -> rule.check(new ClassFileImporter().importClasses(
			offender)));
	}
}
