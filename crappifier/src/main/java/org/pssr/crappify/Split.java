package org.pssr.crappify;

/**
 * Training or validation. Validation holds out the last frames of every movie (never seen in any
 * training tuple), so a validation tuple is a fair test of a model trained on the others.
 */
public enum Split {
	TRAIN("train"), VALID("valid");

	private final String folder;

	Split(final String folder) {
		this.folder = folder;
	}

	/** Sub-folder of a dataset on disk. */
	public String folder() {
		return folder;
	}
}
