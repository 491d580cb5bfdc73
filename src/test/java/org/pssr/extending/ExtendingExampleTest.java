package org.pssr.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.cli.ExitCodes;
import org.pssr.cli.Main;
import org.pssr.crappify.Degradation;
import org.pssr.fiji.GenerateTwinDataCommand;
import org.pssr.fiji.TrainModelCommand;
import org.pssr.testing.TestMovie;
import org.pssr.train.ModelBundle;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * The worked example of docs/extending.md runs: the recipe {@link DefocusRecipe}, which pssr's
 * code does not name and only a services file in the test resources lists, is in the CLI's help,
 * in Fiji's choices, in a dataset's manifest and in the model trained on it; and the guide shows
 * the example as it is.
 */
class ExtendingExampleTest {

	@TempDir
	Path dir;

	@Test
	void theRecipeIsInTheHelpWithItsParameters() {
		final PrintStream out = System.out;
		final ByteArrayOutputStream help = new ByteArrayOutputStream();
		System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
		try {
			assertEquals(ExitCodes.OK, Main.run("crappify", "--help"));
		}
		finally {
			System.setOut(out);
		}
		final String text = help.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("defocus, gaussian, poisson, pssr, or a recipe file"), text);
		assertTrue(text.contains("  defocus: A defocused camera with larger pixels"), text);
		assertTrue(text.contains("      blur (default 2; > 0 HR pixels): s.d. of the defocus"), text);
		assertTrue(text.contains("      noise (default 0.02; >= 0 normalised units)"), text);
	}

	@Test
	void theRecipeIsAChoiceOfTheFijiCommandsThatDrawTwins() throws Exception {
		try (Context context = new Context(CommandService.class, org.scijava.ui.UIService.class,
			org.scijava.app.StatusService.class, org.scijava.task.TaskService.class))
		{
			for (final Class<?> command : List.of(GenerateTwinDataCommand.class,
				TrainModelCommand.class))
			{
				final Module module = context.service(ModuleService.class).createModule(context.service(
					CommandService.class).getCommand(command.getName()));
				module.initialize();
				assertEquals(List.of("defocus", "gaussian", "poisson", "pssr"), module.getInfo().getInput(
					"recipe").getChoices(), command.getSimpleName());
			}
		}
	}

	@Test
	void aDatasetRecordsTheRecipeAndAModelTrainsOnIt() throws Exception {
		final Path twins = dir.resolve("twins");
		final Path model = dir.resolve("defocus.pssr.zip");
		assertEquals(ExitCodes.OK, Main.run("crappify", "--input", TestMovie.NUCLEI.synthetic()
			.toString(), "--output", twins.toString(), "--scale", "2", "--tile", "32", "--samples", "8",
			"--recipe", "defocus", "--param", "blur=1.5"));
		final JsonObject recipe = JsonParser.parseString(Files.readString(twins.resolve(
			"manifest.json"))).getAsJsonObject().getAsJsonObject("recipe");
		assertEquals("defocus", recipe.get("name").getAsString());
		final JsonObject p = recipe.getAsJsonObject("parameters");
		assertEquals(2, p.get("scale").getAsInt());
		assertEquals(1.5, p.get("blur").getAsDouble());
		assertEquals(0.02, p.get("noise").getAsDouble());

		assertEquals(ExitCodes.OK, Main.run("train", "--data", twins.toString(), "--output", model
			.toString(), "--epochs", "1", "--batch", "4", "--device", "cpu"));
		try (ModelBundle bundle = ModelBundle.load(model, "cpu")) {
			final Degradation trained = bundle.recipe().get();
			assertEquals("defocus", trained.name());
			assertEquals(1.5, trained.parameters().get("blur"));
		}
		assertTrue(ModelBundle.record(model).getAsJsonObject("training").get("steps").getAsLong() >= 1);
	}

	@Test
	void theGuideShowsTheExampleAsItIs() throws Exception {
		final String guide = Files.readString(Paths.get("docs/extending.md"));
		for (final String file : List.of("src/test/java/org/pssr/extending/DefocusRecipe.java",
			"src/test/resources/META-INF/services/org.pssr.crappify.RecipeFactory"))
			assertTrue(guide.contains(Files.readString(Paths.get(file)).strip()), "docs/extending.md " +
				"does not show " + file + " as it is");
	}
}
