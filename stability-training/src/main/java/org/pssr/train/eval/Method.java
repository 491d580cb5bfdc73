package org.pssr.train.eval;

/**
 * The answers an evaluation compares, each computed from the same LR movie: the model, the best
 * classical answers a Fiji user gets without it (bicubic, then {@code Gaussian Blur...} with the
 * sigma that scores best on that very movie, also after a mean of three frames) and plain
 * interpolation.
 */
public enum Method {

	MODEL("model", "the model"),
	/** An oracle: the blur's sigma is the one that scores best against the truth. */
	BLUR("bicubic+blur", "bicubic, then a Gaussian blur of the best sigma for this movie"),
	/** The same after averaging frames t-1, t and t+1 (mirrored at the movie's ends). */
	MEAN3_BLUR("mean3+blur", "mean of frames t-1, t, t+1, bicubic, then a Gaussian blur of the " +
		"best sigma for this movie"),
	BICUBIC("bicubic", "bicubic interpolation"),
	BILINEAR("bilinear", "bilinear interpolation");

	private final String label;
	private final String description;

	Method(final String label, final String description) {
		this.label = label;
		this.description = description;
	}

	/** As tables, CSV columns and plots name it. */
	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** Whether a Gaussian blur of an oracle's sigma finishes it. */
	public boolean blurred() {
		return this == BLUR || this == MEAN3_BLUR;
	}

	/** How many LR frames, centred on the output's, it averages before upsampling. */
	int meanOf() {
		return this == MEAN3_BLUR ? 3 : 1;
	}

	/** The upsampling it starts from; null for the model. */
	Upsampling upsampling() {
		switch (this) {
			case MODEL:
				return null;
			case BILINEAR:
				return Upsampling.BILINEAR;
			default:
				return Upsampling.BICUBIC;
		}
	}
}
