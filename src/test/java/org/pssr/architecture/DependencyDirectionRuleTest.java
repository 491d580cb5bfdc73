package org.pssr.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import org.junit.jupiter.api.Test;

/** The architecture rules must bite: a czi-io class that imports ImageJ fails them. */
class DependencyDirectionRuleTest {

	@Test
	void aCziClassImportingImageJIsCaught() {
		assertThrows(AssertionError.class, () -> DependencyDirectionTest.CZI_IO_KNOWS_NOTHING_ABOVE_IT
			.check(new ClassFileImporter().importClasses(
				org.pssr.czi.offender.CziClassThatImportsImageJ.class)));
	}
}
