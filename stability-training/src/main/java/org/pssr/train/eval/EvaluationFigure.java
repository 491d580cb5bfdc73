package org.pssr.train.eval;

import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

/**
 * What a biologist looks at before any score, collected while {@link Evaluator} runs: one frame as
 * the LR input, bicubic, the model, the truth and |model - truth|, and kymographs (one row of
 * pixels through every frame, time downwards) of bicubic, the model and the truth, where flicker
 * shows as horizontal streaks the truth does not have. Values are in the model's normalised units.
 */
public final class EvaluationFigure {

	/** The panels of the chosen frame, in the order they are drawn. */
	public static final String[] PANELS = { "LR input", "bicubic", "model", "truth",
		"|model - truth|" };
	/** The kymographs, in the order they are drawn. */
	public static final String[] KYMOGRAPHS = { "bicubic", "model", "truth" };

	private final int frame;
	private int hrWidth;
	private int hrHeight;
	private int lrWidth;
	private float[][] panels;
	private float[][] kymographs;
	private int frames;

	/** @param frame the frame of the panels, 0-based; negative for the middle frame */
	public EvaluationFigure(final int frame) {
		this.frame = frame;
	}

	/** Called by the evaluator before the first frame. */
	void start(final int frames, final int lrWidth, final int lrHeight, final int scale) {
		if (frame >= frames) throw new IllegalArgumentException("the figure's frame " + (frame + 1) +
			" is past the movie's " + frames + " frames");
		this.frames = frames;
		this.lrWidth = lrWidth;
		hrWidth = lrWidth * scale;
		hrHeight = lrHeight * scale;
		kymographs = new float[KYMOGRAPHS.length][frames * hrWidth];
		panels = null;
	}

	/**
	 * Called by the evaluator with frame {@code t}: the first LR draw and what became of it, arrays
	 * the evaluator makes afresh for each frame and never changes, so they are kept, not copied.
	 */
	void offer(final int t, final float[] lr, final float[] bicubic, final float[] model,
		final float[] truth)
	{
		final int y = kymographRow();
		final float[][] sources = { bicubic, model, truth };
		for (int k = 0; k < sources.length; k++)
			System.arraycopy(sources[k], y * hrWidth, kymographs[k], t * hrWidth, hrWidth);
		if (t != chosenFrame()) return;
		final float[] difference = new float[model.length];
		for (int i = 0; i < difference.length; i++)
			difference[i] = Math.abs(model[i] - truth[i]);
		panels = new float[][] { lr, bicubic, model, truth, difference };
	}

	/** The frame of the panels, 0-based. */
	public int chosenFrame() {
		return frame < 0 ? frames / 2 : frame;
	}

	/** The HR row of the kymographs: the middle one. */
	public int kymographRow() {
		return hrHeight / 2;
	}

	public int hrWidth() {
		return hrWidth;
	}

	public int hrHeight() {
		return hrHeight;
	}

	public int lrWidth() {
		return lrWidth;
	}

	public int frames() {
		return frames;
	}

	/** Panel {@code i} of {@link #PANELS}; the LR input is {@link #lrWidth} wide, the others HR. */
	public float[] panel(final int i) {
		if (panels == null) throw new IllegalStateException(
			"the evaluation has not reached the figure's frame");
		return panels[i];
	}

	/** Kymograph {@code k} of {@link #KYMOGRAPHS}: {@link #frames} rows of {@link #hrWidth}. */
	public float[] kymograph(final int k) {
		return kymographs[k];
	}

	/** The display range of every image panel: the truth's, as PSSR normalises it (0.1 to 99.9 %). */
	public IntensityMap displayRange() {
		return Normalisation.PSSR.fit(panel(3).clone());
	}
}
