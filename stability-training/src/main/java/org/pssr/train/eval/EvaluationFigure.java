package org.pssr.train.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

/**
 * What a biologist looks at before any score, collected while {@link Evaluator} runs: one frame as
 * the LR input, bicubic, the best classical answer, the model, the truth and |model - truth|, and
 * kymographs (one row of pixels through every frame, time downwards) of the same answers and the
 * truth, where flicker shows as horizontal streaks the truth does not have. Values are in the
 * truth's normalised units. Which classical answer is the best is known only at the end, so both
 * blurred answers are collected and {@link #finish} picks one.
 */
public final class EvaluationFigure {

	/** The answers the figure shows, besides the LR input and the truth, in their order. */
	private static final Method[] COLLECTED = { Method.BICUBIC, Method.BLUR, Method.MEAN3_BLUR,
		Method.MODEL };

	private final int frame;
	private int hrWidth;
	private int hrHeight;
	private int lrWidth;
	private int frames;
	private float[] lrPanel;
	private float[] truthPanel;
	private final Map<Method, float[]> panels = new EnumMap<>(Method.class);
	private final Map<Method, float[]> kymographs = new EnumMap<>(Method.class);
	private float[] truthKymograph;
	private Method best;
	private double sigma;

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
		for (final Method m : COLLECTED)
			kymographs.put(m, new float[frames * hrWidth]);
		truthKymograph = new float[frames * hrWidth];
		panels.clear();
		best = null;
	}

	/**
	 * Called by the evaluator with frame {@code t}: the first LR draw and what became of it, arrays
	 * the evaluator makes afresh for each frame and never changes, so they are kept, not copied.
	 */
	void offer(final int t, final float[] lr, final Map<Method, float[]> outputs,
		final float[] truth)
	{
		final int y = kymographRow();
		for (final Method m : COLLECTED)
			System.arraycopy(outputs.get(m), y * hrWidth, kymographs.get(m), t * hrWidth, hrWidth);
		System.arraycopy(truth, y * hrWidth, truthKymograph, t * hrWidth, hrWidth);
		if (t != chosenFrame()) return;
		lrPanel = lr.clone();
		truthPanel = truth;
		for (final Method m : COLLECTED)
			panels.put(m, outputs.get(m));
	}

	/** Called by the evaluator at the end with the best classical answer and its blur. */
	void finish(final Method bestClassical, final double sigmaHrPixels) {
		best = bestClassical;
		sigma = sigmaHrPixels;
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

	/** The titles of {@link #panel}s, in the order they are drawn. */
	public String[] panelTitles() {
		return new String[] { "LR input", "bicubic", bestTitle(), "model", "truth", "|model - truth|" };
	}

	/**
	 * Panel {@code i} of {@link #panelTitles}; the LR input is {@link #lrWidth} wide, the others HR.
	 */
	public float[] panel(final int i) {
		if (truthPanel == null || best == null) throw new IllegalStateException(
			"the evaluation has not reached the figure's frame or has not finished");
		switch (i) {
			case 0:
				return lrPanel;
			case 1:
				return panels.get(Method.BICUBIC);
			case 2:
				return panels.get(best);
			case 3:
				return panels.get(Method.MODEL);
			case 4:
				return truthPanel;
			case 5:
				final float[] model = panels.get(Method.MODEL);
				final float[] difference = new float[model.length];
				for (int p = 0; p < difference.length; p++)
					difference[p] = Math.abs(model[p] - truthPanel[p]);
				return difference;
			default:
				throw new IndexOutOfBoundsException("no panel " + i);
		}
	}

	/** The titles of {@link #kymograph}s, in the order they are drawn. */
	public String[] kymographTitles() {
		return new String[] { "bicubic", bestTitle(), "model", "truth" };
	}

	/** Kymograph {@code k} of {@link #kymographTitles}: {@link #frames} rows of {@link #hrWidth}. */
	public float[] kymograph(final int k) {
		switch (k) {
			case 0:
				return kymographs.get(Method.BICUBIC);
			case 1:
				return kymographs.get(best);
			case 2:
				return kymographs.get(Method.MODEL);
			case 3:
				return truthKymograph;
			default:
				throw new IndexOutOfBoundsException("no kymograph " + k);
		}
	}

	/** The display range of every image panel: the truth's, as PSSR normalises it (0.1 to 99.9 %). */
	public IntensityMap displayRange() {
		return Normalisation.PSSR.fit(truthPanel.clone());
	}

	private String bestTitle() {
		return best == null ? "best classical" : String.format(Locale.ROOT, "%s (%.1f px)", best.label(),
			sigma);
	}
}
