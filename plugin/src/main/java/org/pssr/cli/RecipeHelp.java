package org.pssr.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.pssr.crappify.Degradations;
import org.pssr.crappify.RecipeFactory;
import org.pssr.crappify.RecipeParameter;

import picocli.CommandLine;

/**
 * The recipes in the help, as the registry ({@link Degradations}) has them: the keys
 * {@code --recipe} takes ({@link Keys}, picocli's completion candidates) and, below the options of
 * every command that takes a recipe, each recipe with its parameters, their defaults, ranges and
 * units. A recipe another jar adds is in the help without a change here.
 */
final class RecipeHelp {

	/** The options after which a command's help lists the recipes. */
	private static final Set<String> RECIPE_OPTIONS = Set.of("--recipe", "--evaluate-recipe",
		"--param");

	private static final int WIDTH = 79;

	private RecipeHelp() {}

	/** The recipes that can be chosen by name: what {@code ${COMPLETION-CANDIDATES}} lists. */
	static final class Keys implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return Degradations.names().iterator();
		}
	}

	/** Adds the recipe list to the help of every command under {@code root} that takes a recipe. */
	static void addTo(final CommandLine root) {
		for (final CommandLine sub : root.getSubcommands().values()) {
			addTo(sub);
			if (sub.getCommandSpec().options().stream().anyMatch(o -> RECIPE_OPTIONS.contains(o
				.longestName()))) sub.getCommandSpec().usageMessage().footer(footer());
		}
	}

	/** Each recipe, what it does and its parameters, as lines (picocli's format: % doubled). */
	static String[] footer() {
		final List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("Recipes (--recipe NAME; --param NAME=VALUE changes a parameter; the calibrated " +
			"recipe comes in the recipe file 'pssr calibrate' writes):");
		for (final RecipeFactory f : Degradations.factories()) {
			wrap(lines, "  " + f.key() + ": ", f.description());
			for (final RecipeParameter p : f.parameters())
				wrap(lines, "      " + p.name() + " (" + p.summary() + "): ", p.description());
		}
		return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
	}

	/** {@code head} then {@code text}, wrapped at {@link #WIDTH} under the text's first column. */
	private static void wrap(final List<String> lines, final String head, final String text) {
		final String indent = " ".repeat(Math.min(head.length(), 8));
		StringBuilder line = new StringBuilder(head);
		for (final String word : text.split(" ")) {
			if (line.length() + 1 + word.length() > WIDTH && line.length() > indent.length()) {
				lines.add(line.toString());
				line = new StringBuilder(indent);
			}
			else if (line.length() > 0 && !line.toString().endsWith(" ")) line.append(' ');
			line.append(word);
		}
		lines.add(line.toString());
	}
}
