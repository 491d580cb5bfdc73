package org.pssr.fiji;

import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import javax.swing.JProgressBar;
import javax.swing.JTable;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.gui.ImageWindow;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.gui.ProgressBar;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.text.TextWindow;

import org.pssr.fiji.it.Gui;
import org.pssr.fiji.it.GuideTables;
import org.pssr.imagej.CalibrationPlot;
import org.pssr.train.ModelBundle;
import org.pssr.train.eval.Method;
import org.scijava.Context;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.Task;
import org.scijava.widget.Button;

/**
 * The GUI suite's scenarios, each run inside a Fiji JVM with a display ({@code FijiHarness check
 * org.pssr.fiji.GuiChecks#NAME ...}): a user at the screen picks a PSSR command from the menu,
 * fills its dialog and watches what appears; screenshots of each step go to {@code
 * -Dpssr.it.screenshots}. Each returns {@code ok ...} or throws what went wrong. In this package for
 * the commands' window titles.
 */
public final class GuiChecks {

	private static final String[] PSSR = { "Plugins", "PSSR" };
	/** The commands as the menu lists them, in the order of the guide. */
	private static final List<Class<? extends PssrCommand>> COMMANDS = List.of(
		SuperResolveMyMoviesCommand.class, GenerateTwinDataCommand.class, TrainModelCommand.class, SuperResolveMovieCommand.class,
		EvaluateModelCommand.class, ExportModelCommand.class, OpenCziCommand.class,
		JoinPartsCommand.class, CalibrateNoiseCommand.class);

	private GuiChecks() {}

	private static Gui start(final Context context) throws Exception {
		return Gui.start(context, Paths.get(System.getProperty("pssr.it.screenshots")));
	}

	private static void check(final boolean ok, final String message) {
		if (!ok) throw new AssertionError(message + "\nlog:\n" + Gui.log());
	}

	private static String title(final Class<?> command) {
		final String path = command.getAnnotation(Plugin.class).menuPath();
		return path.substring(path.lastIndexOf('>') + 1);
	}

	private static void run(final Gui gui, final Class<?> command) throws Exception {
		final String[] path = Arrays.copyOf(PSSR, 3);
		path[2] = title(command);
		gui.menu(path);
	}

	/**
	 * The guided path, as a biologist takes it: a low-resolution movie open, Super-Resolve My Movies
	 * (guided) from the menu, two HR movies and an output folder in its dialog, a few epochs and
	 * small tiles behind Advanced..., OK. Then the calibration's fit appears, the loss plot and the
	 * preview are redrawn every epoch, the super-resolved movie opens in a window four times finer,
	 * and the evaluation's table (the best classical answer second) and figure appear; the recipe,
	 * the model, the movie and the evaluation are in the output folder.
	 *
	 * @param args the low-resolution movie, two HR movies, an output folder
	 */
	public static String guided(final Context context, final String[] args) throws Exception {
		final Path out = Paths.get(args[3]);
		final int epochs = 2;
		final Gui gui = start(context);
		final ImagePlus lr = gui.open(Paths.get(args[0]));
		final String name = lr.getTitle().replaceFirst("\\.tif$", "");
		final PlotEvents plotEvents = new PlotEvents();
		ImagePlus.addImageListener(plotEvents);
		run(gui, SuperResolveMyMoviesCommand.class);
		final Gui.Dialog dialog = gui.dialog(title(SuperResolveMyMoviesCommand.class));
		dialog.set("Or HR movies of the same kind of sample (';'-separated)", args[1] + ";" + args[2])
			.set("Output folder", out);
		advanced(gui, SuperResolveMyMoviesCommand.class, dialog, "guided-advanced", "Epochs", epochs,
			"Tile size (HR pixels)", 32, "Number of samples", 24, "Batch size", 4, "Run on", "cpu");
		gui.screenshot("guided-filled", dialog.window);
		dialog.ok();

		final PlotWindow calibration = (PlotWindow) gui.window(CalibrationPlot.TITLE);
		gui.screenshot("guided-calibration", calibration);
		final PlotWindow loss = (PlotWindow) gui.window(TrainingDisplay.PLOT);
		final ImageWindow result = (ImageWindow) gui.window(name + "_pssr");
		final TextWindow table = (TextWindow) gui.window(EvaluateModelCommand.TABLE);
		final ImageWindow figure = (ImageWindow) gui.window("PSSR evaluation figure");
		check(!gui.awaitDone(SuperResolveMyMoviesCommand.class).canceled, "cancelled");
		ImagePlus.removeImageListener(plotEvents);

		for (final String file : List.of(name + ".recipe.json", "model.pssr.zip", name + "_pssr.tif",
			"evaluation.png", "evaluation.csv"))
			check(Files.isRegularFile(out.resolve(file)), "no " + file + " in " + out);
		check(calibration.getPlot().getDataObjectArrays(0)[0].length >= 3,
			"the calibration plot shows no measured levels");
		check(loss.getPlot().getDataObjectArrays(0)[1].length == epochs && plotEvents.epochs.contains(
			epochs), "the loss plot was not redrawn for " + epochs + " epochs: " + plotEvents.epochs);
		final ImageWindow preview = (ImageWindow) Gui.findWindow(TrainingDisplay.PREVIEW);
		check(preview != null, "no validation preview; windows: " + Gui.windowTitles());
		final ImagePlus superResolved = result.getImagePlus();
		check(superResolved.getWidth() == 4 * lr.getWidth() && superResolved.getNFrames() == lr
			.getNFrames(), "the result is " + superResolved.getWidth() + " wide with " + superResolved
				.getNFrames() + " frames");
		check(table.getResultsTable().getStringValue("what it is", 1).startsWith(
			"best classical answer"), "the best classical answer is not second");
		check(Gui.log().contains("PSSR: done;"), "the log does not say it is done");
		gui.screenshot("guided-training", List.of(loss, preview));
		screenshotBeforeAfter(gui, "guided-result", lr, result);
		fit(table, 640);
		gui.screenshot("guided-evaluation", List.of(figure, table));
		gui.end();
		return "ok " + Gui.log().substring(Gui.log().lastIndexOf("PSSR: done;")).trim();
	}

	/**
	 * Every PSSR dialog, opened from the menu with a movie open: it says what the command does, its
	 * guide button logs (and opens) the command's section of the guide, its fields are those the
	 * guide's table lists, in order, with the defaults and descriptions (tooltips) it gives;
	 * choices are drop-downs, files have a Browse button. Cancel closes the dialog, runs nothing and
	 * leaves nothing behind.
	 *
	 * @param args the guide (docs/fiji.md), a movie to have open
	 */
	public static String dialogs(final Context context, final String[] args) throws Exception {
		final Map<String, List<GuideTables.Row>> guide = GuideTables.read(Paths.get(args[0]));
		final Gui gui = start(context);
		gui.open(Paths.get(args[1]));
		final List<String> undocumented = new ArrayList<>();
		for (final Class<? extends PssrCommand> command : COMMANDS) {
			final String title = title(command);
			final List<String> windows = Gui.windowTitles();
			final int logged = Gui.log().length();
			run(gui, command);
			final Gui.Dialog dialog = gui.dialog(title);
			final List<String> messages = dialog.messages();
			check(messages.size() == 1 && !messages.get(0).isEmpty(), title +
				": no description at the top: " + messages);
			dialog.click("Open the guide for this command");
			final String page = PssrCommand.GUIDE + "#" + GuideTables.anchor(title);
			gui.await("the guide's address in the log", () -> Gui.log().contains("PSSR guide: " + page));

			final List<Gui.Field> fields = new ArrayList<>(documented(dialog, title, guide, undocumented));
			gui.screenshot("dialog-" + GuideTables.anchor(title), dialog.window);
			if (!AdvancedSettings.names(command).isEmpty()) {
				final String second = title + AdvancedDialog.TITLE;
				dialog.click("Advanced...");
				final Gui.Dialog advanced = gui.dialog(second);
				final List<Gui.Field> behind = documented(advanced, second, guide, undocumented);
				gui.screenshot("dialog-" + GuideTables.anchor(second), advanced.window);
				// Cancel puts back what was changed: the dialog opens again as documented
				final Gui.Field first = behind.get(0); // a number or a text in every second dialog
				final String original = first.value();
				advanced.set(first.label, "7");
				advanced.cancel();
				gui.await("the advanced dialog to close", () -> Gui.findDialog(second) == null);
				dialog.click("Advanced...");
				final Gui.Dialog again = gui.dialog(second);
				check(again.field(first.label).value().equals(original), second + ": Cancel kept " + first
					.label + " = " + again.field(first.label).value() + ", not " + original);
				again.cancel();
				gui.await("the advanced dialog to close", () -> Gui.findDialog(second) == null);
				fields.addAll(behind);
			}
			widgetsMatchTheParameters(command, fields);
			dialog.cancel();
			final Gui.Done done = gui.awaitDone(command);
			check(done.canceled, title + ": Cancel did not cancel");
			gui.await("the dialog to close", () -> Gui.findDialog(title) == null);
			final List<String> after = Gui.windowTitles();
			after.remove("Log"); // where the guide button wrote
			windows.remove("Log");
			check(after.equals(windows), title + ": Cancel left windows " + after + ", there were " +
				windows);
			final String log = Gui.log().substring(logged).replaceAll("PSSR guide: .*\n?", "");
			check(log.trim().isEmpty(), title + ": after Cancel, the log says " + log);
		}
		check(undocumented.isEmpty(), "dialogs unlike their table in the guide:\n" + String.join(
			"\n", undocumented));
		gui.end();
		return "ok " + COMMANDS.size() + " dialogs as documented";
	}

	/**
	 * Opens the second dialog of {@code command}'s {@code dialog} with its Advanced... button, sets
	 * the fields there as a user types and picks, and presses OK.
	 *
	 * @param screenshot the name of a screenshot of it, filled in; null for none
	 * @param labelsAndValues a field's label, its value, the next label, ...
	 */
	private static void advanced(final Gui gui, final Class<?> command, final Gui.Dialog dialog,
		final String screenshot, final Object... labelsAndValues) throws Exception
	{
		final String title = title(command) + AdvancedDialog.TITLE;
		dialog.click("Advanced...");
		final Gui.Dialog advanced = gui.dialog(title);
		for (int i = 0; i < labelsAndValues.length; i += 2)
			advanced.set(String.valueOf(labelsAndValues[i]), labelsAndValues[i + 1]);
		if (screenshot != null) gui.screenshot(screenshot, advanced.window);
		advanced.ok();
		gui.await("the advanced dialog to close", () -> Gui.findDialog(title) == null);
	}

	/**
	 * The fields of {@code dialog} against the guide's table titled {@code title}, which the first
	 * differences are added to; every field has a description.
	 */
	private static List<Gui.Field> documented(final Gui.Dialog dialog, final String title,
		final Map<String, List<GuideTables.Row>> guide, final List<String> undocumented)
		throws Exception
	{
		final List<Gui.Field> fields = dialog.fields();
		final List<GuideTables.Row> shown = new ArrayList<>();
		for (final Gui.Field f : fields)
			shown.add(new GuideTables.Row(f.label, f.value(), f.tooltip));
		final List<GuideTables.Row> documented = guide.get(title);
		if (!shown.equals(documented)) undocumented.add("## " + title + "\nthe dialog shows\n" +
			GuideTables.table(shown) + "the guide says\n" + (documented == null ? "nothing\n" :
				GuideTables.table(documented)));
		for (final Gui.Field f : fields)
			check(f.tooltip != null && !f.tooltip.isEmpty(), title + ": " + f.label +
				" has no description");
		return fields;
	}

	/**
	 * Every parameter is in one of the dialogs (the first, or behind Advanced...); choices are
	 * drop-downs with exactly the parameter's choices; files have a Browse button.
	 */
	private static void widgetsMatchTheParameters(final Class<?> command,
		final List<Gui.Field> fields) throws Exception
	{
		for (Class<?> c = command; c != Object.class; c = c.getSuperclass()) {
			for (final Field field : c.getDeclaredFields()) {
				final Parameter p = field.getAnnotation(Parameter.class);
				if (p == null || p.label().isEmpty() || field.getType() == ImagePlus.class || field
					.getType() == Button.class) continue;
				final Gui.Field shown = fields.stream().filter(f -> f.label.equals(p.label())).findFirst()
					.orElseThrow(() -> new AssertionError(command.getSimpleName() + ": " + p.label() +
						" is in neither dialog"));
				if (p.choices().length > 0) check(shown.choices().equals(Arrays.asList(p.choices())),
					p.label() + ": choices " + shown.choices());
				if (field.getType() == File.class) check(shown.browses(), p.label() +
					" has no Browse button");
			}
		}
	}

	/**
	 * The way from a movie to a model: Generate Twin Training Data on the open movie (its preview
	 * tile appears, the dataset is written), then Train Model on that dataset: while it trains, the
	 * status bar says where it is, the progress bar fills, the event thread answers (the windows
	 * repaint), and the loss plot and the validation preview are redrawn after every epoch; at the
	 * end the model is written.
	 *
	 * @param args the movie, a work folder
	 */
	public static String training(final Context context, final String[] args) throws Exception {
		final Path work = Paths.get(args[1]);
		final Path twins = work.resolve("twins");
		final Path model = work.resolve("nuclei.pssr.zip");
		final int epochs = 3;
		final Gui gui = start(context);
		gui.open(Paths.get(args[0]));

		run(gui, GenerateTwinDataCommand.class);
		final Gui.Dialog generate = gui.dialog(title(GenerateTwinDataCommand.class));
		generate.set("Output folder", twins);
		advanced(gui, GenerateTwinDataCommand.class, generate, null, "Tile size (HR pixels)", 32,
			"Number of samples", 24);
		gui.screenshot("generate-filled", generate.window);
		generate.ok();
		final Frame twinPreview = gui.window(GenerateTwinDataCommand.PREVIEW);
		check(!gui.awaitDone(GenerateTwinDataCommand.class).canceled, "Generate Twin Training Data " +
			"was cancelled");
		check(Files.isRegularFile(twins.resolve("manifest.json")), "no dataset in " + twins);
		gui.screenshot("twin-preview", twinPreview);

		final PlotEvents plotEvents = new PlotEvents();
		ImagePlus.addImageListener(plotEvents);
		run(gui, TrainModelCommand.class);
		final Gui.Dialog train = gui.dialog(title(TrainModelCommand.class));
		train.set("Twin dataset folder", twins).set("Save the model as (.pssr.zip)", model).set(
			"Epochs", epochs);
		advanced(gui, TrainModelCommand.class, train, null, "Batch size", 4, "Run on", "cpu");
		gui.screenshot("train-filled", train.window);
		train.ok();

		final Field bar = ProgressBar.class.getDeclaredField("slowX"); // the filled fraction
		bar.setAccessible(true);
		final List<String> statuses = new ArrayList<>();
		boolean progressShown = false;
		boolean answeredWhileTraining = false;
		boolean statusShot = false;
		while (!gui.done(TrainModelCommand.class)) {
			EventQueue.invokeAndWait(() -> {});
			final boolean stillTraining = !gui.done(TrainModelCommand.class);
			answeredWhileTraining |= stillTraining;
			final String status = ij.ImageJ.getStatusBarText();
			if (status.startsWith("PSSR training, epoch") && !statuses.contains(status)) statuses.add(
				status);
			final double filled = (double) bar.get(gui.imageJ().getProgressBar());
			final boolean epochsDone = stillTraining && filled > 0 && Math.abs(filled * epochs - Math
				.round(filled * epochs)) < 1e-9;
			progressShown |= epochsDone;
			if (epochsDone && !statusShot && status.startsWith("PSSR training, epoch 2/")) {
				gui.screenshot("training-status", gui.imageJ());
				statusShot = true;
			}
			Thread.sleep(50);
		}
		ImagePlus.removeImageListener(plotEvents);
		check(!gui.awaitDone(TrainModelCommand.class).canceled, "Train Model was cancelled");
		check(answeredWhileTraining, "the event thread did not answer before training ended");
		check(!statuses.isEmpty(), "the status bar never showed the training");
		check(progressShown, "the progress bar never showed the epochs done while training");
		check(Files.isRegularFile(model), "no model written");
		check(Gui.log().contains("PSSR: Wrote " + model), "log");

		final PlotWindow plot = (PlotWindow) Gui.findWindow(TrainingDisplay.PLOT);
		check(plot != null, "no loss plot; windows: " + Gui.windowTitles());
		final Plot p = plot.getPlot();
		check(p.getDataObjectArrays(0)[1].length == epochs && p.getDataObjectArrays(1)[1]
			.length == epochs, "the plot does not show " + epochs + " epochs of both losses");
		for (int e = 2; e <= epochs; e++)
			check(plotEvents.epochs.contains(e), "the loss plot was not redrawn after epoch " + e +
				"; it was, showing epochs " + plotEvents.epochs);
		final ImageWindow preview = (ImageWindow) Gui.findWindow(TrainingDisplay.PREVIEW);
		check(preview != null && preview.getImagePlus().getTitle().contains("(epoch " + epochs + ")"),
			"no preview of the last epoch; windows: " + Gui.windowTitles());
		check(preview.getImagePlus().getWidth() == 3 * 32 && preview.getImagePlus().getHeight() == 32,
			"the preview is not input | output | target of a 32 px tile");
		check(preview.getCanvas().getMagnification() > 1, "the preview tile is not zoomed in");
		check(labels(preview).equals(List.of("input", "output", "target")), "preview labelled " +
			labels(preview));
		gui.screenshot("training", List.of(plot, preview));
		gui.end();
		return "ok " + epochs + " epochs; status bar said " + statuses.size() + " things, e.g. " +
			statuses.get(statuses.size() - 1);
	}

	/** The texts of the overlay {@code window} draws. */
	private static List<String> labels(final ImageWindow window) {
		final List<String> texts = new ArrayList<>();
		final Overlay overlay = window.getCanvas().getOverlay();
		if (overlay != null) for (final Roi roi : overlay.toArray())
			if (roi instanceof TextRoi) texts.add(((TextRoi) roi).getText().trim());
		return texts;
	}

	/**
	 * The epochs the loss plot's window showed when it was redrawn: ImageJ tells its image listeners
	 * on the event thread, soon after each redraw. An event can find the window without a plot (seen
	 * once in CI, after training got faster: the window not yet holding its plot while ImageJ built
	 * it, or no longer): that window showed no epochs, and the checks wait for the later redraws.
	 */
	private static final class PlotEvents implements ImageListener {

		final Set<Integer> epochs = new ConcurrentSkipListSet<>();

		@Override
		public void imageOpened(final ImagePlus imp) {}

		@Override
		public void imageClosed(final ImagePlus imp) {}

		@Override
		public void imageUpdated(final ImagePlus imp) {
			if (!imp.getTitle().equals(TrainingDisplay.PLOT) || !(imp.getWindow() instanceof PlotWindow))
				return;
			final Plot plot = ((PlotWindow) imp.getWindow()).getPlot();
			if (plot != null) epochs.add(plot.getDataObjectArrays(0)[0].length);
		}
	}

	/** Starts Train Model from the menu on {@code twins}, for many epochs; returns the dialog. */
	private static void startLongTraining(final Gui gui, final Path twins, final Path model,
		final int epochs) throws Exception
	{
		run(gui, TrainModelCommand.class);
		final Gui.Dialog dialog = gui.dialog(title(TrainModelCommand.class)).set("Twin dataset folder",
			twins).set("Save the model as (.pssr.zip)", model).set("Epochs", epochs);
		advanced(gui, TrainModelCommand.class, dialog, null, "Batch size", 4, "Run on", "cpu");
		dialog.ok();
		gui.window(TrainingDisplay.PLOT);
	}

	/**
	 * Esc, pressed in the loss plot's window after the first epoch, finishes the training early and
	 * keeps the best model so far.
	 *
	 * @param args a twin dataset, a work folder
	 */
	public static String escape(final Context context, final String[] args) throws Exception {
		final Path model = Paths.get(args[1]).resolve("early.pssr.zip");
		final int epochs = 50;
		final Gui gui = start(context);
		startLongTraining(gui, Paths.get(args[0]), model, epochs);
		gui.press(Gui.findWindow(TrainingDisplay.PLOT), KeyEvent.VK_ESCAPE);
		check(!gui.awaitDone(TrainModelCommand.class).canceled, "Train Model was cancelled");
		check(Gui.log().contains("Esc pressed"), "Esc was not noticed");
		check(Files.isRegularFile(model), "no model written after Esc");
		final String stop;
		try (ModelBundle bundle = ModelBundle.load(model, "cpu")) {
			stop = bundle.json().getAsJsonObject("training").get("stop").getAsString();
		}
		check(stop.startsWith("finished early in epoch") && !stop.contains("epoch " + epochs),
			"the model says it stopped: " + stop);
		gui.end();
		return "ok " + stop;
	}

	/**
	 * Cancelling the training in Fiji's task list (the circle in the status bar, then the task's
	 * stop button, then Yes) stops it and writes no model.
	 *
	 * @param args a twin dataset, a work folder
	 */
	public static String cancelTask(final Context context, final String[] args) throws Exception {
		final Path model = Paths.get(args[1]).resolve("cancelled.pssr.zip");
		final Gui gui = start(context);
		startLongTraining(gui, Paths.get(args[0]), model, 50);

		final JProgressBar circle = Gui.onEdt(() -> Gui.all(gui.imageJ().getStatusBar(),
			JProgressBar.class).stream().findFirst().orElseThrow(() -> new AssertionError(
				"no task circle in the status bar")));
		click(circle, new Rectangle(circle.getSize()));
		final Frame tasks = gui.window("Tasks");
		final JTable table = Gui.onEdt(() -> Gui.all(tasks, JTable.class).get(0));
		final int row = gui.awaitValue("the training in the task list", () -> Gui.onEdt(() -> {
			for (int r = 0; r < table.getRowCount(); r++)
				if ("PSSR training".equals(((Task) table.getValueAt(r, 0)).getName())) return r;
			return null;
		}));
		gui.screenshot("task-list", tasks);
		click(table, Gui.onEdt(() -> table.getCellRect(row, 1, true)));
		gui.await("a question or the end of training", () -> Gui.findDialog("Canceling PSSR training") !=
			null || gui.done(TrainModelCommand.class));
		if (!gui.done(TrainModelCommand.class)) new Gui.Dialog(Gui.findDialog(
			"Canceling PSSR training")).click("Yes");
		gui.awaitDone(TrainModelCommand.class);
		check(Gui.log().contains("PSSR: training cancelled; nothing written"), "not cancelled");
		check(!Files.exists(model), "a cancelled training wrote " + model);
		gui.end();
		return "ok cancelled in the task list";
	}

	/** A mouse click in the middle of {@code area} of {@code target}, as the mouse sends it. */
	private static void click(final java.awt.Component target, final Rectangle area) {
		final int x = area.x + area.width / 2;
		final int y = area.y + area.height / 2;
		EventQueue.invokeLater(() -> {
			final long now = System.currentTimeMillis();
			for (final int id : new int[] { MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
				MouseEvent.MOUSE_CLICKED })
				target.dispatchEvent(new MouseEvent(target, id, now, 0, x, y, 1, false,
					MouseEvent.BUTTON1));
		});
	}

	/** The middle frame of a movie, shown at 400 %, beside the same frame super-resolved. */
	private static void screenshotBeforeAfter(final Gui gui, final String name, final ImagePlus input,
		final ImageWindow output) throws Exception
	{
		final ImagePlus result = output.getImagePlus();
		final int frame = Math.max(1, input.getStackSize() / 2);
		Gui.onEdt(() -> {
			input.setPosition(frame);
			result.setPosition(frame);
			result.resetDisplayRange();
			return null;
		});
		IJ.run(input, "Set... ", "zoom=400");
		gui.screenshot(name, List.of(input.getWindow(), output));
	}

	/** A table's window as a user makes it: {@code width} wide for the columns, and no taller. */
	private static void fit(final TextWindow table, final int width) throws Exception {
		Gui.onEdt(() -> {
			table.setSize(width, 170);
			table.validate();
			return null;
		});
	}

	/**
	 * Super-Resolve Movie on the open movie: the result opens in a new window named after it, four
	 * times the size, as many frames, the pixel size divided by four and the frame interval kept.
	 *
	 * @param args the movie (calibrated), a model
	 */
	public static String superResolve(final Context context, final String[] args) throws Exception {
		final Gui gui = start(context);
		final ImagePlus input = gui.open(Paths.get(args[0]));
		final String name = input.getTitle().replaceFirst("\\.tif$", "");
		run(gui, SuperResolveMovieCommand.class);
		final Gui.Dialog dialog = gui.dialog(title(SuperResolveMovieCommand.class));
		dialog.set("Model", args[1]);
		advanced(gui, SuperResolveMovieCommand.class, dialog, null, "Run on", "cpu");
		gui.screenshot("superres-filled", dialog.window);
		dialog.ok();
		final ImageWindow window = (ImageWindow) gui.window(name + "_pssr");
		check(!gui.awaitDone(SuperResolveMovieCommand.class).canceled, "cancelled");
		final ImagePlus output = window.getImagePlus();
		final Calibration in = input.getCalibration();
		final Calibration out = output.getCalibration();
		check(output.getWidth() == 4 * input.getWidth() && output.getHeight() == 4 * input
			.getHeight(), "output " + output.getWidth() + " x " + output.getHeight());
		check(output.getStackSize() == input.getStackSize(), "output has " + output.getStackSize() +
			" frames, input " + input.getStackSize());
		check(Math.abs(out.pixelWidth - in.pixelWidth / 4) < 1e-9 && Math.abs(out.pixelHeight -
			in.pixelHeight / 4) < 1e-9 && out.getUnit().equals(in.getUnit()), "calibration " + out
				.pixelWidth + " " + out.getUnit() + " from " + in.pixelWidth + " " + in.getUnit());
		check(Math.abs(out.frameInterval - in.frameInterval) < 1e-9, "frame interval " +
			out.frameInterval);

		screenshotBeforeAfter(gui, "before-after", input, window);
		final String result = String.format(Locale.ROOT, "ok %s: %d x %d x %d, %.3f %s, %.0f %s",
			output.getTitle(), output.getWidth(), output.getHeight(), output.getStackSize(),
			out.pixelWidth, out.getUnit(), out.frameInterval, out.getTimeUnit());
		gui.end();
		return result;
	}

	/**
	 * Evaluate Model on the open movie: a results table with one row per method, the best classical
	 * answer second, and a plot of PSNR per frame, model, best classical answer and bicubic, one point
	 * per frame.
	 *
	 * @param args the ground-truth movie, a model
	 */
	public static String evaluate(final Context context, final String[] args) throws Exception {
		final Gui gui = start(context);
		final ImagePlus truth = gui.open(Paths.get(args[0]));
		run(gui, EvaluateModelCommand.class);
		final Gui.Dialog dialog = gui.dialog(title(EvaluateModelCommand.class)).set("Model", args[1]);
		advanced(gui, EvaluateModelCommand.class, dialog, null, "Run on", "cpu");
		dialog.ok();
		final TextWindow tableWindow = (TextWindow) gui.window(EvaluateModelCommand.TABLE);
		final PlotWindow plotWindow = (PlotWindow) gui.window("PSSR PSNR per frame");
		check(!gui.awaitDone(EvaluateModelCommand.class).canceled, "cancelled");
		final ResultsTable table = tableWindow.getResultsTable();
		final List<String> methods = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			methods.add(table.getStringValue("method", r));
			check(Double.isFinite(table.getValue("PSNR (dB)", r)), "PSNR of " + methods);
		}
		check(methods.size() == Method.values().length && methods.get(0).equals(Method.MODEL.label()) &&
			methods.contains("bicubic+blur") && methods.contains("mean3+blur") && methods.contains(
				"bicubic") && methods.contains("bilinear"), "methods " + methods);
		check(table.getStringValue("what it is", 1).startsWith("best classical answer"),
			"the best classical answer is not second: " + methods);
		final Plot plot = plotWindow.getPlot();
		final int frames = truth.getStackSize();
		check(plot.getDataObjectArrays(0)[1].length == frames && plot.getDataObjectArrays(1)[1]
			.length == frames && plot.getDataObjectArrays(2)[1].length == frames,
			"the plot has no point per frame for the model, the best classical answer and bicubic");
		final ImagePlus figure = ((ImageWindow) gui.window("PSSR evaluation figure")).getImagePlus();
		check(figure.getWidth() > 6 * Math.min(truth.getWidth(), truth.getHeight()) / 2,
			"the figure has not six panels side by side: " + figure.getWidth() + " wide");
		fit(tableWindow, 840);
		gui.screenshot("evaluation", List.of(tableWindow, plotWindow));
		gui.end();
		return "ok " + methods + " over " + frames + " frames";
	}
}
