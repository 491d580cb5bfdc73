package org.pssr.crappify;

/**
 * Where long work tells the user what it does: the one sink of every job, whichever front end runs
 * it (after TrackMate's {@code Logger}). The CLI prints it, Fiji shows lines in its log and the rest
 * in its status and progress bars, tests record it. Called from the thread that does the work.
 */
public interface Logger {

	/** Says nothing; for callers that want no report. */
	Logger NONE = new Logger() {

		@Override
		public void log(final String message) {}

		@Override
		public void status(final String message) {}

		@Override
		public void progress(final String task, final long done, final long total) {}
	};

	/** A line worth keeping: a setting chosen, a result, a warning. */
	void log(String message);

	/** What is going on now, replaced by the next status (training step, loss, time left). */
	void status(String message);

	/** How far {@code task} has come: {@code done} grows to {@code total}. */
	void progress(String task, long done, long total);
}
