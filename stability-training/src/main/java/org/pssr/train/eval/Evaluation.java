package org.pssr.train.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Scores of a model and the classical answers ({@link Method}) on one movie. Per frame: PSNR (dB)
 * and SSIM after the PSSR normalisation. Per method, over the movie, in the truth's normalised
 * units: temporal error (mean |frame-to-frame change of the output minus that of the truth|), mean
 * frame-to-frame change of the output and of the truth, and noise difference (mean |output for one
 * noise draw minus output for another|). Gains are stated against the best classical answer first:
 * the better of the two blurred answers, each with the sigma that scores best on this movie.
 */
public final class Evaluation {

	/** What the model gains over another answer. */
	public static final class Gain {

		/** Of the other answer. */
		public final Method over;
		/** Model minus the other answer, dB. */
		public final double psnr;
		/** Model minus the other answer. */
		public final double ssim;
		/** The model's temporal error as a fraction of the other's (below 1: less flicker). */
		public final double temporal;
		/** The model's noise difference as a fraction of the other's (below 1: more stable). */
		public final double noise;

		Gain(final Evaluation e, final Method over) {
			this.over = over;
			psnr = e.meanPsnr(Method.MODEL) - e.meanPsnr(over);
			ssim = e.meanSsim(Method.MODEL) - e.meanSsim(over);
			temporal = e.temporalError(Method.MODEL) / e.temporalError(over);
			noise = e.noiseDifference(Method.MODEL) / e.noiseDifference(over);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%+.2f dB PSNR, %+.3f SSIM, temporal error %.2fx, noise " +
				"difference %.2fx", psnr, ssim, temporal, noise);
		}
	}

	private static final List<Method> METHODS = List.of(Method.values());

	private final int frames;
	private final double[][] psnr;
	private final double[][] ssim;
	private final double[] temporalError;
	private final double[] change;
	private final double[] noise;
	private final double[] sigma;
	private double truthChange;

	Evaluation(final int frames) {
		this.frames = frames;
		final int n = METHODS.size();
		psnr = new double[n][frames];
		ssim = new double[n][frames];
		temporalError = new double[n];
		change = new double[n];
		noise = new double[n];
		sigma = new double[n];
		Arrays.fill(sigma, Double.NaN);
	}

	void sigma(final Method method, final double hrPixels) {
		sigma[method.ordinal()] = hrPixels;
	}

	void frame(final Method method, final int t, final double psnrValue, final double ssimValue) {
		psnr[method.ordinal()][t] = psnrValue;
		ssim[method.ordinal()][t] = ssimValue;
	}

	void temporal(final Method method, final double error, final double outputChange) {
		temporalError[method.ordinal()] += error / (frames - 1);
		change[method.ordinal()] += outputChange / (frames - 1);
	}

	void truthChange(final double value) {
		truthChange += value / (frames - 1);
	}

	void noise(final Method method, final double difference) {
		noise[method.ordinal()] += difference / frames;
	}

	/** Every method, the model first. */
	public List<Method> methods() {
		return Collections.unmodifiableList(METHODS);
	}

	public int frames() {
		return frames;
	}

	public double psnr(final Method method, final int t) {
		return psnr[method.ordinal()][t];
	}

	public double ssim(final Method method, final int t) {
		return ssim[method.ordinal()][t];
	}

	public double meanPsnr(final Method method) {
		return mean(psnr[method.ordinal()]);
	}

	public double meanSsim(final Method method) {
		return mean(ssim[method.ordinal()]);
	}

	/** NaN for a one-frame movie. */
	public double temporalError(final Method method) {
		return frames > 1 ? temporalError[method.ordinal()] : Double.NaN;
	}

	public double frameChange(final Method method) {
		return frames > 1 ? change[method.ordinal()] : Double.NaN;
	}

	public double truthFrameChange() {
		return frames > 1 ? truthChange : Double.NaN;
	}

	public double noiseDifference(final Method method) {
		return noise[method.ordinal()];
	}

	/** The blur's sigma in HR pixels that scored best on this movie; NaN for an unblurred method. */
	public double sigma(final Method method) {
		return sigma[method.ordinal()];
	}

	/** The blurred answer with the higher mean PSNR: what the model has to beat. */
	public Method bestClassical() {
		return meanPsnr(Method.MEAN3_BLUR) > meanPsnr(Method.BLUR) ? Method.MEAN3_BLUR : Method.BLUR;
	}

	/** What the model gains over {@code other}. */
	public Gain gain(final Method other) {
		return new Gain(this, other);
	}

	/** A fixed-width table, one line per method, then the model's gains over the best classical answer and bicubic. */
	public String summary() {
		final StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
			"%-13s %9s %7s %13s %13s %11s %10s%n", "method", "PSNR(dB)", "SSIM", "temporal err",
			"frame change", "noise diff", "blur (px)"));
		for (final Method m : METHODS)
			b.append(String.format(Locale.ROOT, "%-13s %9.3f %7.4f %13.5f %13.5f %11.5f %10s%n", m.label(),
				meanPsnr(m), meanSsim(m), temporalError(m), frameChange(m), noiseDifference(m), m.blurred()
					? String.format(Locale.ROOT, "%.2f", sigma(m)) : ""));
		b.append(String.format(Locale.ROOT, "%-13s %9s %7s %13s %13.5f%n", "truth", "", "", "",
			truthFrameChange()));
		final Method best = bestClassical();
		b.append("model over the best classical answer (").append(best.label()).append("): ").append(
			gain(best)).append('\n');
		b.append("model over bicubic: ").append(gain(Method.BICUBIC)).append('\n');
		return b.toString();
	}

	/** Per-frame scores: {@code frame,psnr_model,ssim_model,psnr_bicubic+blur,...}. */
	public void writeCsv(final Writer out) throws IOException {
		out.write("frame");
		for (final Method m : METHODS)
			out.write(",psnr_" + m.label() + ",ssim_" + m.label());
		out.write("\n");
		for (int t = 0; t < frames; t++) {
			out.write(Integer.toString(t));
			for (final Method m : METHODS)
				out.write(String.format(Locale.ROOT, ",%.6f,%.6f", psnr(m, t), ssim(m, t)));
			out.write("\n");
		}
	}

	private static double mean(final double[] values) {
		double sum = 0;
		for (final double v : values)
			sum += v;
		return sum / values.length;
	}
}
