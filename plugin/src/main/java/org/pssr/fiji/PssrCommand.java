package org.pssr.fiji;

import java.io.IOException;
import java.net.URL;

import ij.IJ;

import org.scijava.ItemVisibility;
import org.scijava.command.ContextCommand;
import org.scijava.platform.PlatformService;
import org.scijava.plugin.Parameter;
import org.scijava.widget.Button;

/**
 * What every PSSR dialog starts with: a few lines on what the command does and a button that opens
 * its section of the Fiji guide. Neither is an option: macros and the recorder never see them.
 */
abstract class PssrCommand extends ContextCommand {

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
	 * {@link Commands#fail}. Anything else is a bug: {@link MacroGuard} still stops the macro.
	 */
	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final IOException | IllegalArgumentException | IllegalStateException e) {
			Commands.fail(this, e);
		}
		finally {
			IJ.showStatus("");
		}
	}

	/** What the command does, once SciJava has filled its parameters. */
	abstract void execute() throws IOException;

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
