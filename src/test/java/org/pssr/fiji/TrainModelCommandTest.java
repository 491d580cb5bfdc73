package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pssr.app.SourceMovies;
import org.pssr.imagej.MovieFiles;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.PoissonDegradation;
import org.pssr.crappify.Logger;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.testing.TestMovie;
import org.pssr.train.ModelBundle;
import org.scijava.Context;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.task.Task;
import org.scijava.task.TaskService;
import org.scijava.task.event.TaskEvent;

/** Train Model headless: Esc finishes and keeps the best model; cancelling writes nothing. */
class TrainModelCommandTest {

	@TempDir
	Path dir;

	private File dataset;

	@BeforeEach
	void twins() throws IOException {
		final SourceMovie movie = SourceMovies.open(List.of(TestMovie.NUCLEI.synthetic()), 1, false, MovieFiles.IMAGEJ).get(
			0);
		final TwinCrappifier c = new TwinCrappifier(List.of(movie), new PoissonDegradation(2),
			new TwinOptions().tile(32).seed(3));
		new TwinDatasetWriter(c, 1, Logger.NONE).write(dir.resolve("twins"), 8, 2);
		dataset = dir.resolve("twins").toFile();
	}

	/** What SciJava gives a command: Fiji's task list among its services, and the command service a
	 * DynamicCommand looks its own description up in. */
	private final Context context = new Context(TaskService.class, org.scijava.command.CommandService.class);

	@AfterEach
	void releaseEscape() {
		IJ.resetEscape();
		context.dispose();
	}

	private TrainModelCommand command(final String model) {
		final TrainModelCommand command = new TrainModelCommand();
		command.setContext(context);
		command.dataset = dataset;
		command.modelfile = dir.resolve(model).toFile();
		command.epochs = 3;
		command.batch = 4;
		command.device = "cpu";
		return command;
	}

	@Test
	void escapeFinishesEarlyAndKeepsTheBestModel() throws IOException {
		final TrainModelCommand command = command("finished.pssr.zip");
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		command.run();
		assertFalse(command.isCanceled(), command.getCancelReason());
		try (ModelBundle bundle = ModelBundle.load(command.modelfile.toPath(), "cpu")) {
			final String stop = bundle.json().getAsJsonObject("training").get("stop").getAsString();
			assertTrue(stop.startsWith("finished early in epoch 1"), stop);
		}
	}

	@Test
	void cancellingStopsAndWritesNoModel() {
		final TrainModelCommand command = command("cancelled.pssr.zip");
		command.cancel("the user pressed Cancel");
		command.run();
		assertFalse(command.modelfile.exists(), "a cancelled training wrote " + command.modelfile);
		assertEquals("the user pressed Cancel", command.getCancelReason());
	}

	/** As the stop button of Fiji's task list does, as soon as the task appears there. */
	@Test
	void cancellingItsTaskStopsAndWritesNoModel() {
		final TrainModelCommand command = command("task-cancelled.pssr.zip");
		final List<Task> tasks = new ArrayList<>();
		final Object taskList = new Object() {

			@EventHandler
			void onEvent(final TaskEvent e) {
				if (tasks.isEmpty()) {
					tasks.add(e.getTask());
					e.getTask().cancel("stopped in the task list");
				}
			}
		};
		context.service(EventService.class).subscribe(taskList);
		command.run();
		assertEquals(1, tasks.size());
		assertEquals("PSSR training", tasks.get(0).getName());
		assertTrue(tasks.get(0).isDone(), "the task stays in Fiji's task list");
		assertFalse(command.modelfile.exists(), "a cancelled training wrote " + command.modelfile);
		assertEquals("stopped in the task list", command.getCancelReason());
	}
}
