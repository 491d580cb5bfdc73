package org.pssr.imagej;

import ij.IJ;

import org.pssr.crappify.Logger;

/** The jobs' log in ImageJ: lines to the Log window, the rest to the status and progress bars. */
public enum ImageJLogger implements Logger {

	INSTANCE;

	@Override
	public void log(final String message) {
		IJ.log("PSSR: " + message);
	}

	@Override
	public void status(final String message) {
		IJ.showStatus("PSSR: " + message);
	}

	@Override
	public void progress(final String task, final long done, final long total) {
		IJ.showProgress(done / (double) total);
		IJ.showStatus("PSSR: " + task + " " + done + "/" + total);
	}
}
