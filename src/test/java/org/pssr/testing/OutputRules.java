package org.pssr.testing;

import org.pssr.app.OutputRule;
import org.pssr.imagej.MovieFiles;

/** The output rule as the CLI makes it, without and with {@code --overwrite}. */
public final class OutputRules {

	/** Refuses every existing output, as a command without {@code --overwrite}. */
	public static final OutputRule KEEP = new OutputRule(false, "add --overwrite", MovieFiles::info);
	/** Replaces earlier outputs of pssr's, as a command with {@code --overwrite}. */
	public static final OutputRule REPLACE = new OutputRule(true, "add --overwrite", MovieFiles::info);

	private OutputRules() {}
}
