package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MacrosTest {

	private static final MacroCheck CHECK = new MacroCheck();

	@Test
	void everyMacroRunsExistingCommandsWithTheirOwnOptionsAndTokenizes() throws IOException {
		final List<Path> macros;
		try (Stream<Path> files = Files.list(Paths.get("macros"))) {
			macros = files.filter(p -> p.toString().endsWith(".ijm")).sorted().collect(Collectors
				.toList());
		}
		assertTrue(macros.size() >= 2, "macros: " + macros);
		for (final Path macro : macros) {
			final String text = new String(Files.readAllBytes(macro), StandardCharsets.UTF_8);
			assertTrue(text.contains("run(\""), macro + " runs no command");
			assertEquals(List.of(), CHECK.problems(text), macro.toString());
		}
	}

	@Test
	void commandsAreFoundByTheirMenuLabelsWithLowercaseOneWordKeys() {
		assertTrue(CHECK.commands.containsKey("Super-Resolve Movie"), CHECK.commands.toString());
		assertTrue(CHECK.commands.containsKey("Evaluate Model"), CHECK.commands.toString());
		assertTrue(CHECK.commands.get("Super-Resolve Movie").containsAll(Set.of("modelfile",
			"inputfile", "outputfile", "bits")));
		for (final Set<String> keys : CHECK.commands.values())
			for (final String key : keys)
				assertTrue(key.matches("[a-z]+"), "parameter '" + key + "' is not one lowercase word");
	}

	@Test
	void theCheckCatchesUnknownCommandsUnknownKeysAndUnbalancedBrackets() {
		final String all = "inputfile=[a] modelfile=[m] outputfile=[o] tile=0 device=auto bits=32 frames=[] channel=1 uncertainty=0";
		assertEquals(List.of(), CHECK.problems("run(\"Super-Resolve Movie\", \"" + all + "\");"));
		assertEquals(1, CHECK.problems("run(\"Super-Resolve Movies\", \"" + all + "\");").size());
		assertEquals(List.of("run(\"Super-Resolve Movie\") has no option 'modelFile'; it has " + CHECK
			.commands.get("Super-Resolve Movie"), "run(\"Super-Resolve Movie\") leaves out 'modelfile'"),
			CHECK.problems("run(\"Super-Resolve Movie\", \"" + all.replace("modelfile", "modelFile") +
				"\");"));
		assertEquals(List.of("run(\"Super-Resolve Movie\") leaves out 'device'"), CHECK.problems(
			"run(\"Super-Resolve Movie\", \"" + all.replace("device=auto ", "") + "\");"));
		final String evaluate = "run(\"Evaluate Model\", \"inputfile=[t] modelfile=[\" + m + \"] " +
			"csvfile=[b] recipe=[] scales=[] plotfile=[] figurefile=[] figureframe=0 tile=0 device=auto " +
			"channel=1 seed=3\");";
		assertEquals(List.of(), CHECK.problems("m = \"x\"; " + evaluate));
		assertEquals(1, CHECK.problems("m = \"x\"; " + evaluate.replace("csvfile", "csv")).size() - 1,
			"an unknown key and the key it misspells");
		assertTrue(CHECK.problems("if (true) { print(\"a\");").size() > 0);
	}
}
