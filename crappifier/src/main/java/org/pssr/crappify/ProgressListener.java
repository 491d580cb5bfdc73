package org.pssr.crappify;

/** Told how far a long job has come; the CLI prints it, Fiji shows a progress bar. */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (done, total) -> {};

	/** Called from the thread that runs the job, with {@code done} growing up to {@code total}. */
	void progress(long done, long total);
}
