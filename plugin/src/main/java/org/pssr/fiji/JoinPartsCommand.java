package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;

import org.pssr.app.MovieParts;
import org.pssr.imagej.ImageJLogger;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Join Super-Resolved Parts: the movie whose parts Super-Resolve Movie wrote with a
 * frame range (in cluster array tasks, say), as one TIFF; refused, writing nothing, while a part is
 * missing, damaged, overlapping or of another run. Same as {@code pssr join}. Macro:
 * {@code run("Join Super-Resolved Parts", "outputfile=[/out.tif]");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Join Super-Resolved Parts",
	headless = true)
public final class JoinPartsCommand extends PssrCommand {

	@Parameter(label = "Output file (.tif; parts in OUT" + MovieParts.FOLDER_SUFFIX + "/ beside it)",
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "The movie the parts were written for: the output file given to Super-Resolve " +
			"Movie with a frame range.")
	File outputfile;

	@Parameter(label = "Delete the parts once joined",
		description = "Remove the parts folder after the joined movie is complete.")
	boolean deleteparts;

	@Parameter(label = "Replace an earlier output", required = false, persist = false,
		description = Descriptions.OVERWRITE)
	boolean overwrite;
	@Parameter(type = ItemIO.OUTPUT)
	String report;

	public JoinPartsCommand() {
		super("<b>Join the parts</b> of a super-resolved movie that Super-Resolve Movie wrote with " +
			"frame ranges (in cluster array tasks, say) into one TIFF. Nothing is written while a part " +
			"is missing, damaged or of another run.", "join-super-resolved-parts");
	}

	@Override
	void execute() throws IOException {
		final int parts = new MovieParts(outputfile.toPath()).join(deleteparts, Commands.rule(
			overwrite), ImageJLogger.INSTANCE);
		report = "wrote " + outputfile + " from " + parts + (parts == 1 ? " part" : " parts");
		IJ.log("PSSR: " + report);
	}

	@Override
	boolean allowReplacing() {
		overwrite = true;
		return true;
	}
}
