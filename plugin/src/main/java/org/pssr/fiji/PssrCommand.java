package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URL;
import java.util.Collection;
import java.util.stream.Collectors;

import ij.IJ;

import org.pssr.app.OutputRule;
import org.pssr.crappify.Degradations;
import org.pssr.train.Engines;
import org.pssr.train.Networks;
import org.scijava.ItemVisibility;
import org.scijava.command.DynamicCommand;
import org.scijava.platform.PlatformService;
import org.scijava.plugin.Parameter;
import org.scijava.widget.Button;

/**
 * What every PSSR dialog starts with: a few lines on what the command does and a button that opens
 * its section of the Fiji guide (a command with advanced settings is an {@link AdvancedCommand}).
 * Neither is an option: macros and the recorder never see them. A {@link DynamicCommand}, so that
 * every choice list (recipes, networks, scales, devices, ...) is set by the parameters'
 * initializers from its one home in code, never written in an annotation.
 */
abstract class PssrCommand extends DynamicCommand {

	/** The Fiji guide; each command has a section there. */
	static final String GUIDE = "https://github.com/pssr-fiji/pssr-fiji/blob/main/docs/fiji.md";

	@Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
	private String about;

	@Parameter(label = "Open the guide for this command", callback = "openGuide", required = false)
	private Button help;

	private final String section;

	/**
	 * @param about what the command does, in a sentence or three (HTML)
	 * @param section the anchor of its section in the guide
	 */
	PssrCommand(final String about, final String section) {
		this.about = "<html><body style='width:460px'>" + about + "</body></html>";
		this.section = section;
	}

	/**
	 * Runs the command; its expected failures (bad input, files, devices) fail it politely, through
	 * {@link Commands#fail}. Anything else is a bug: {@link MacroGuard} still stops the macro. An
	 * earlier output of pssr's in the way is replaced when the user confirms it in a dialog (never
	 * in a macro or headless, where {@code overwrite} says it); the command then runs again, as its
	 * checks came before any work.
	 */
	@Override
	public final void run() {
		try {
			try {
				execute();
			}
			catch (final OutputRule.Refusal e) {
				if (!e.replaceable() || !confirmed(e) || !allowReplacing()) throw e;
				execute();
			}
		}
		catch (final IOException | IllegalArgumentException | IllegalStateException e) {
			Commands.fail(this, e);
		}
		finally {
			IJ.showStatus("");
		}
	}

	/**
	 * Sets a parameter's choices from their one home in code (a registry, an enum, a job's list), so
	 * that no dialog declares a list of its own that the CLI's checks could drift from.
	 */
	final void choices(final String input, final Collection<?> values) {
		getInfo().getMutableInput(input, String.class).setChoices(values.stream().map(String::valueOf)
			.collect(Collectors.toList()));
	}

	/** The initializer of a <i>Model size</i> parameter: the networks of the registry. */
	void listNetworks() {
		choices("preset", Networks.names());
	}

	/** The initializer of a <i>Scale factor</i> parameter: the scales every recipe takes. */
	void listScales() {
		choices("scale", Degradations.SCALES);
	}

	/** The initializer of a <i>Run on</i> parameter: the devices the engine is asked for. */
	void listDevices() {
		choices("device", Engines.DEVICES);
	}

	/** What the command does, once SciJava has filled its parameters. */
	abstract void execute() throws IOException;

	/**
	 * Lets the next {@link #execute()} replace earlier outputs of pssr's; commands that write files
	 * do so through their {@code overwrite} parameter.
	 *
	 * @return false for a command that writes no file
	 */
	boolean allowReplacing() {
		return false;
	}

	/** Asks the user at the screen, never a macro or a headless run. */
	private static boolean confirmed(final OutputRule.Refusal e) {
		if (GraphicsEnvironment.isHeadless() || IJ.isMacro()) return false;
		return IJ.showMessageWithCancel("PSSR: replace an earlier output?", "Replace " + e.target() +
			"?\nIt is an earlier output of pssr's; press OK to replace it, Cancel to keep it.");
	}

	/** The page is logged too: without a browser (or with one that fails), the user still has it. */
	@SuppressWarnings("unused") // the button's callback
	private void openGuide() {
		final String page = GUIDE + "#" + section;
		IJ.log("PSSR guide: " + page);
		try {
			context().service(PlatformService.class).open(new URL(page));
		}
		catch (final IOException e) {
			IJ.log("PSSR guide: no web browser opened it (" + e.getMessage() + ")");
		}
	}
}
