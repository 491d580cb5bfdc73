package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The crappifier guide's table of recipes is the registry's: every recipe pssr's jar lists in its
 * services file, with its description and parameters (default, range, unit), as
 * {@link #table} writes them; the test fails with the table to paste when they differ.
 */
class RecipeGuideTest {

	private static final Path SERVICES = Paths.get(
		"src/main/resources/META-INF/services/org.pssr.crappify.RecipeFactory");

	/** pssr's own recipes, not those a jar or the tests add. */
	private static List<RecipeFactory> builtIn() throws IOException {
		final List<String> classes = Files.readAllLines(SERVICES).stream().map(String::strip).filter(
			l -> !l.isEmpty()).collect(Collectors.toList());
		final List<RecipeFactory> found = new ArrayList<>();
		for (final RecipeFactory f : Degradations.factories())
			if (classes.contains(f.getClass().getName())) found.add(f);
		assertEquals(classes.size(), found.size(), "the registry has every recipe of " + SERVICES);
		return found;
	}

	static String table(final List<RecipeFactory> factories) {
		final StringBuilder md = new StringBuilder(
			"| recipe | what it does | parameters: default; range, unit |\n|---|---|---|\n");
		for (final RecipeFactory f : factories) {
			md.append("| `").append(f.key()).append("` | ").append(f.description()).append(" | ");
			final List<String> ps = new ArrayList<>();
			for (final RecipeParameter p : f.parameters())
				ps.add("`" + p.name() + "` " + p.summary() + ": " + p.description());
			md.append(String.join("<br>", ps)).append(" |\n");
		}
		return md.toString();
	}

	@Test
	void theGuideListsEveryRecipeAsTheRegistryHasIt() throws IOException {
		final String guide = Files.readString(Paths.get("docs/crappifier.md"));
		final String table = table(builtIn());
		assertTrue(guide.contains(table), "docs/crappifier.md should have this table of recipes:\n" +
			table);
	}

	@Test
	void aRecipeThatNeedsARecipeFileIsNotOfferedByName() {
		assertTrue(Degradations.names().containsAll(List.of("gaussian", "poisson", "pssr")));
		assertTrue(!Degradations.names().contains(CalibratedDegradation.NAME));
		assertEquals(CalibratedDegradation.NAME, Degradations.factory(CalibratedDegradation.NAME).key());
	}
}
