package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pssr.train.layout.AddCentre;
import org.pssr.train.layout.Attention;
import org.pssr.train.layout.BatchNorm;
import org.pssr.train.layout.Convolution;
import org.pssr.train.layout.Interpreter;
import org.pssr.train.layout.Residual;
import org.pssr.train.layout.Tensor;
import org.pssr.train.layout.UNetLayout;
import org.pssr.train.layout.UpsampleInput;

/**
 * Every tensor of the network is consumed by the layout exactly once: the tensors the steps own
 * are the network's, in creation order and with their shapes, and the names the steps give their
 * interpreters are the same, each once. Needs no TensorFlow.
 */
class UNetLayoutTest {

	static Stream<UNetConfig> configs() {
		return Stream.of(
			UNetConfig.preset("small", 3, 2),
			UNetConfig.preset("fast", 3, 4),
			UNetConfig.preset("pssr", 5, 2),
			new UNetConfig("bare", 1, 2, new int[] { 8, 8 }, 0, false, false),
			new UNetConfig("attentive", 3, 3, new int[] { 8, 16 }, 1, true, false),
			new UNetConfig("lr", 3, 4, new int[] { 8, 16, 16 }, 2, false, true),
			new UNetConfig("everything", 3, 2, new int[] { 8, 16, 32 }, 2, true, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void theStepsOwnEveryTensorOfTheNetworkOnce(final UNetConfig config) {
		final List<Tensor> layout = UNetLayout.of(config).tensors();
		assertEquals(layout.size(), layout.stream().map(Tensor::name).distinct().count(),
			"a name owned twice");
		try (UNet net = new UNet(config, Device.cpu(), 1)) {
			final List<String> trainable = new ArrayList<>();
			final List<String> buffers = new ArrayList<>();
			for (final Tensor t : layout) {
				(t.buffer() ? buffers : trainable).add(t.name());
				final NDArray a = (t.buffer() ? net.weights().buffers() : net.weights().trainable()).get(t
					.name());
				assertArrayEquals(t.shape(), a.getShape().getShape(), t.name());
			}
			assertEquals(List.copyOf(net.weights().trainable().keySet()), trainable);
			assertEquals(List.copyOf(net.weights().buffers().keySet()), buffers);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void interpretersAreGivenEveryTensorOnce(final UNetConfig config) {
		final UNetLayout layout = UNetLayout.of(config);
		final NameCollector names = new NameCollector();
		layout.interpret(names);
		assertEquals(names.used.size(), new HashSet<>(names.used).size(), "a name given twice");
		final List<String> all = new ArrayList<>();
		try (UNet net = new UNet(config, Device.cpu(), 1)) {
			for (final Map<String, NDArray> group : List.of(net.weights().trainable(), net.weights()
				.buffers()))
			{
				all.addAll(group.keySet());
			}
		}
		assertEquals(new HashSet<>(all), new HashSet<>(names.used));
	}

	/** Every tensor name an interpreter is handed, in the order it is handed. */
	private static final class NameCollector implements Interpreter {

		final List<String> used = new ArrayList<>();

		@Override
		public void upsampleInput(final UpsampleInput step) {}

		@Override
		public void convolution(final Convolution step) {
			used.add(step.weight());
			used.add(step.bias());
			step.norm().ifPresent(this::norm);
		}

		private void norm(final BatchNorm norm) {
			used.addAll(List.of(norm.gamma(), norm.beta(), norm.runningMean(), norm.runningVar()));
		}

		@Override
		public void residual(final Residual step) {
			convolution(step.first());
			convolution(step.second());
		}

		@Override
		public void attention(final Attention step) {
			convolution(step.query());
			convolution(step.key());
			convolution(step.value());
			used.add(step.gamma());
		}

		@Override
		public void saveSkip() {}

		@Override
		public void concatSkip() {}

		@Override
		public void addCentre(final AddCentre step) {}
	}
}
