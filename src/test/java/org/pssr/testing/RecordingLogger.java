package org.pssr.testing;

import java.util.ArrayList;
import java.util.List;

import org.pssr.crappify.Logger;

/** Keeps what a job logged, for tests to look at. */
public final class RecordingLogger implements Logger {

	public final List<String> lines = new ArrayList<>();
	public final List<String> statuses = new ArrayList<>();
	/** The last {@code done/total} of every progress call, in order. */
	public final List<String> progress = new ArrayList<>();

	@Override
	public void log(final String message) {
		lines.add(message);
	}

	@Override
	public void status(final String message) {
		statuses.add(message);
	}

	@Override
	public void progress(final String task, final long done, final long total) {
		progress.add(task + " " + done + "/" + total);
	}
}
