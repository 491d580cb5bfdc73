package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.pssr.cli.Catalogue.Case;
import org.pssr.crappify.io.Folders;

/** A catalogue of hostile cases, each run in a fresh copy of {@link Catalogue}'s fixtures. */
abstract class CatalogueTest {

	private static Path fixtures;

	@BeforeAll
	static void fixtures() throws IOException {
		fixtures = Catalogue.fixtures();
	}

	@AfterAll
	static void removeFixtures() throws IOException {
		Folders.deleteTree(fixtures);
	}

	/** Every case as a test of the error contract ({@link Catalogue#check}); at least {@code least}. */
	static Stream<DynamicTest> checked(final List<Case> cases, final int least) {
		assertTrue(cases.size() >= least, "the catalogue has " + cases.size() + " cases");
		return cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> Catalogue.check(fixtures,
			c)));
	}
}
