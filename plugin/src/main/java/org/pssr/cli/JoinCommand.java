package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.app.MovieParts;
import org.pssr.crappify.Logger;
import org.pssr.train.ComputeResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "join", mixinStandardHelpOptions = true,
	description = { "Assemble a super-resolved movie from the parts 'pssr superres --frames' wrote " +
		"to OUT" + MovieParts.FOLDER_SUFFIX + "/: one ImageJ TIFF with the calibration, the same " +
		"planes one run without --frames writes. Refuses, writing and deleting nothing, when a part " +
		"is missing, damaged, overlaps another or comes from another model, input or setting." })
public final class JoinCommand implements Callable<Integer> {

	@Option(names = "--output", required = true, paramLabel = "OUT.tif",
		description = "The movie to write; its parts are read from OUT" + MovieParts.FOLDER_SUFFIX +
			"/ beside it.")
	Path output;

	@Option(names = "--delete-parts",
		description = "Delete the parts once the movie is written (default: keep them).")
	boolean deleteParts;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		final Logger log = ConsoleLogger.stdout();
		log.log(ComputeResources.current().describe());
		final int parts = new MovieParts(output).join(deleteParts, overwrite.rule(), log);
		System.out.println("Wrote " + output + " from " + parts + (parts == 1 ? " part" : " parts"));
		return ExitCodes.OK;
	}
}
