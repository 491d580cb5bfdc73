package org.pssr.train.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Scores of a model and the interpolation baselines on one movie. Per frame: PSNR (dB) and SSIM
 * after the PSSR normalisation. Per method, over the movie, in the truth's normalised units:
 * temporal error (mean |frame-to-frame change of the output minus that of the truth|), mean
 * frame-to-frame change of the output and of the truth, and noise difference (mean |output for one
 * noise draw minus output for another|).
 */
public final class Evaluation {

	private final List<String> methods;
	private final double[][] psnr;
	private final double[][] ssim;
	private final double[] temporalError;
	private final double[] change;
	private double truthChange;
	private final double[] noise;
	private final int frames;

	Evaluation(final List<String> methods, final int frames) {
		this.methods = Collections.unmodifiableList(methods);
		this.frames = frames;
		psnr = new double[methods.size()][frames];
		ssim = new double[methods.size()][frames];
		temporalError = new double[methods.size()];
		change = new double[methods.size()];
		noise = new double[methods.size()];
	}

	void frame(final int method, final int t, final double psnrValue, final double ssimValue) {
		psnr[method][t] = psnrValue;
		ssim[method][t] = ssimValue;
	}

	void temporal(final int method, final double error, final double outputChange,
		final double truthChangeValue)
	{
		temporalError[method] += error / (frames - 1);
		change[method] += outputChange / (frames - 1);
		if (method == 0) truthChange += truthChangeValue / (frames - 1);
	}

	void noise(final int method, final double difference) {
		noise[method] += difference / frames;
	}

	/** "model", then "bicubic" and "bilinear" (or whatever {@link Upsampling} offers). */
	public List<String> methods() {
		return methods;
	}

	public int frames() {
		return frames;
	}

	public double psnr(final String method, final int t) {
		return psnr[index(method)][t];
	}

	public double ssim(final String method, final int t) {
		return ssim[index(method)][t];
	}

	public double meanPsnr(final String method) {
		return mean(psnr[index(method)]);
	}

	public double meanSsim(final String method) {
		return mean(ssim[index(method)]);
	}

	/** NaN for a one-frame movie. */
	public double temporalError(final String method) {
		return frames > 1 ? temporalError[index(method)] : Double.NaN;
	}

	public double frameChange(final String method) {
		return frames > 1 ? change[index(method)] : Double.NaN;
	}

	public double truthFrameChange() {
		return frames > 1 ? truthChange : Double.NaN;
	}

	public double noiseDifference(final String method) {
		return noise[index(method)];
	}

	/** A fixed-width table, one line per method. */
	public String summary() {
		final StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
			"%-10s %9s %7s %14s %12s %11s%n", "method", "PSNR(dB)", "SSIM", "temporal err", "frame change",
			"noise diff"));
		for (final String m : methods)
			b.append(String.format(Locale.ROOT, "%-10s %9.3f %7.4f %14.5f %12.5f %11.5f%n", m, meanPsnr(m),
				meanSsim(m), temporalError(m), frameChange(m), noiseDifference(m)));
		b.append(String.format(Locale.ROOT, "%-10s %9s %7s %14s %12.5f%n", "truth", "", "", "",
			truthFrameChange()));
		return b.toString();
	}

	/** Per-frame scores: {@code frame,psnr_model,ssim_model,psnr_bicubic,...}. */
	public void writeCsv(final Writer out) throws IOException {
		out.write("frame");
		for (final String m : methods)
			out.write(",psnr_" + m + ",ssim_" + m);
		out.write("\n");
		for (int t = 0; t < frames; t++) {
			out.write(Integer.toString(t));
			for (int m = 0; m < methods.size(); m++)
				out.write(String.format(Locale.ROOT, ",%.6f,%.6f", psnr[m][t], ssim[m][t]));
			out.write("\n");
		}
	}

	private int index(final String method) {
		final int i = methods.indexOf(method);
		if (i < 0) throw new IllegalArgumentException("no method " + method + " in " + methods);
		return i;
	}

	private static double mean(final double[] values) {
		double sum = 0;
		for (final double v : values)
			sum += v;
		return sum / values.length;
	}
}
