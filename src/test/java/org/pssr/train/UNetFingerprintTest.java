package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's network, pinned, so that a change of how it is written provably changes nothing: for a
 * fixed seed, the initial tensors (names, shapes and values in creation order, all of which
 * checkpoints, bundles and bit-identical training rely on), the size and cost, and what the network
 * computes from random weights in inference mode, in training mode and in inference mode again
 * (the running statistics moved by the training step). Recorded before {@code UNetLayout}
 * described the network.
 */
class UNetFingerprintTest {

	private static final long SEED = 5;
	private static final long PERTURBATION = 6;
	/** Room for another CPU's rounding, far below what any change of the network moves. */
	private static final double OUTPUT_TOLERANCE = 1e-6;

	static Stream<Arguments> recorded() {
		return Stream.of(
			Arguments.of(UNetConfig.preset("small", 3, 2),
				"26c08a6c683622dbb9d66e18ab4c695a5936db8b051a6378f8846ab9555e7277", 356609L, 67276.0,
				new double[] { 0.38531161158789473, -0.0014521727037820143, 0.10666676116670715,
					0.0012007321423308705, 0.3383134467094351, -0.0010957034754882624 }),
			Arguments.of(UNetConfig.preset("fast", 5, 4),
				"692b83518df68aaf49cda7b17f7e5fd5e63c708e06702c15f04551b198929538", 1425968L, 17293.5,
				new double[] { 0.49561323362422627, 0.0012369736829114465, 0.41552900259466696,
					-0.001749160942509248, 0.4972881127257551, 0.0012901501840757589 }),
			Arguments.of(UNetConfig.preset("pssr", 3, 2),
				"77a19a34e91fd7f929d0f973189398cf0b7cf0f812a4f651178ad389eae2d92d", 16747842L, 575248.3125,
				new double[] { 0.9586936190680717, -0.0026437829188888365, 0.8921567292272812,
					-0.008752974721422004, 0.8819969670148566, -0.002456088235251958 }),
			Arguments.of(new UNetConfig("bare", 1, 3, new int[] { 8, 8 }, 0, false, false),
				"326c61b32d6f1702165335fea3c4cdb684c6f8442fdcd24b97419f2074287a53", 3369L, 3544.0,
				new double[] { 0.22862781619349132, -2.03338712760441E-5, 0.3511168000768521,
					-0.004392885056967315, 0.21832170392574174, 3.252806223396404E-6 }),
			Arguments.of(new UNetConfig("attentive", 3, 2, new int[] { 8, 16, 16 }, 1, true, true),
				"ece48600546dee7ccd51c1ef54610511584d7446b7489695dac48c714c22bb16", 22497L, 3114.0,
				new double[] { 0.42466804750438314, -0.0024920540772218123, 0.4159336441589403,
					-0.00413624746466643, 0.42881636203310336, -0.0019419527559038103 }));
	}

	/**
	 * @param sha256 of the initial tensors ({@link #digest})
	 * @param flops per HR pixel for 64-pixel HR tiles (attention's share depends on the tile)
	 * @param outputs {@link #project projections} of the outputs in inference, training and inference
	 *          mode
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("recorded")
	void networkIsAsRecorded(final UNetConfig config, final String sha256, final long parameters,
		final double flops, final double[] outputs) throws NoSuchAlgorithmException
	{
		try (UNet net = new UNet(config, Device.cpu(), SEED); NDManager m = net.manager()
			.newSubManager())
		{
			assertEquals(sha256, digest(net.weights()), "initial tensors");
			assertEquals(parameters, net.parameterCount());
			assertEquals(flops, net.flopsPerHrPixel(64), 1e-9 * flops);
			RandomWeights.randomise(net, PERTURBATION);
			final NDArray x = m.create(input(config.frames()), new Shape(2, config.frames(), 16, 16));
			final double[] got = new double[6];
			project(net.forward(x, false).toFloatArray(), got, 0);
			project(net.forward(x, true).toFloatArray(), got, 2);
			project(net.forward(x, false).toFloatArray(), got, 4);
			assertArrayEquals(outputs, got, OUTPUT_TOLERANCE, "outputs");
		}
	}

	private static float[] input(final int frames) {
		final float[] v = new float[2 * frames * 16 * 16];
		for (int i = 0; i < v.length; i++) {
			v[i] = (i * 37 % 101) / 101f;
		}
		return v;
	}

	/** The mean and a mean weighted by a fixed pattern: together they notice a change anywhere. */
	private static void project(final float[] y, final double[] into, final int at) {
		double mean = 0;
		double weighted = 0;
		for (int i = 0; i < y.length; i++) {
			mean += y[i];
			weighted += y[i] * Math.sin(i);
		}
		into[at] = mean / y.length;
		into[at + 1] = weighted / y.length;
	}

	/**
	 * SHA-256 over the trainable tensors, then the buffers: each group's size, then every tensor's
	 * name, shape and values, in order.
	 */
	private static String digest(final Weights weights) throws NoSuchAlgorithmException {
		final MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (final Map<String, NDArray> group : List.of(weights.trainable(), weights.buffers())) {
			sha.update(ByteBuffer.allocate(4).putInt(group.size()).array());
			for (final Map.Entry<String, NDArray> e : group.entrySet()) {
				sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
				final long[] shape = e.getValue().getShape().getShape();
				final float[] v = e.getValue().toFloatArray();
				final ByteBuffer b = ByteBuffer.allocate(8 * shape.length + 4 * v.length);
				for (final long d : shape) {
					b.putLong(d);
				}
				for (final float f : v) {
					b.putFloat(f);
				}
				sha.update(b.array());
			}
		}
		final StringBuilder hex = new StringBuilder();
		for (final byte x : sha.digest()) {
			hex.append(String.format("%02x", x));
		}
		return hex.toString();
	}
}
