package org.pssr.fiji;

/**
 * What the dialogs say about the settings several commands share (the fields' tooltips, and the
 * guide's tables): one text for one setting, whichever dialog shows it.
 */
final class Descriptions {

	static final String CHANNEL = "Which channel of a multi-channel movie to use (1 = the first).";
	static final String DEVICE = "auto: the GPU when there is one, else the CPU. The device used " +
		"is logged.";
	static final String OVERWRITE = "Replace an output pssr made earlier (of the same kind). " +
		"Unticked, Fiji asks first; a macro or a headless run stops instead. A file pssr did not " +
		"make is never replaced.";
	static final String SCALE = "How many times finer the super-resolved pixels are: with 4, a " +
		"128 x 128 frame becomes 512 x 512. The low-resolution twins are made this many times coarser.";
	static final String TILE = "Side of the square high-resolution patches cut from the movies. 128 " +
		"suits most data; it must fit inside a frame, and smaller tiles train faster.";
	static final String SAMPLES = "How many tile pairs to make, training and validation together. " +
		"When training directly on movies, this many are drawn afresh every epoch.";
	static final String PRESET = "small: a compact network that trains on a CPU (minutes to hours). " +
		"pssr: PSSR's full-size network; use a GPU. fast: a network working at low resolution, the " +
		"quickest and the least detailed.";
	static final String EPOCHS = "Passes over the training data. More epochs give a better model and " +
		"take longer; Esc finishes early and keeps the best model so far.";
	static final String BATCH = "Samples per training step. Lower it when memory runs short " +
		"(training also halves it by itself when memory runs out).";
	static final String STABILITY = "How strongly the outputs for the two noise draws of a sample " +
		"must agree; this is what removes flicker from super-resolved movies. 0 trains a plain model.";
	static final String TRAINING_SEED = "The same seed, data and options train the same model.";

	private Descriptions() {}
}
