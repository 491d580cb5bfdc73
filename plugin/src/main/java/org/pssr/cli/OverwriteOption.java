package org.pssr.cli;

import org.pssr.app.OutputRule;
import org.pssr.imagej.MovieFiles;

import picocli.CommandLine.Option;

/** {@code --overwrite}, of every command that writes: the one way to replace an earlier output. */
final class OverwriteOption {

	@Option(names = "--overwrite", description = "Replace an earlier output of pssr's (a file or " +
		"folder pssr made, of the same kind); without it an existing output is refused. A file pssr " +
		"did not make is never replaced.")
	boolean overwrite;

	OutputRule rule() {
		return new OutputRule(overwrite, "add --overwrite", MovieFiles::info);
	}
}
