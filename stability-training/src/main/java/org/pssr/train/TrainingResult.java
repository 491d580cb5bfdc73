package org.pssr.train;

import java.util.List;

import com.google.gson.JsonObject;

/** A finished (or finished early) run: the network with its best weights and what happened. */
public final class TrainingResult implements AutoCloseable {

	private final Network network;
	private final TrainingRecord record;

	TrainingResult(final Network network, final TrainingRecord record) {
		this.network = network;
		this.record = record;
	}

	/** The network holding the weights of the best validation epoch. */
	public Network network() {
		return network;
	}

	public List<EpochReport> history() {
		return record.history;
	}

	/** {@code completed}, or why the run stopped before its last epoch (finished early, diverged). */
	public String stop() {
		return record.stop;
	}

	/** Whether the run trained every epoch it was asked for. */
	public boolean completed() {
		return TrainingRecord.COMPLETED.equals(record.stop);
	}

	/** Options, device, timing, stop reason and per-epoch metrics, as recorded in model bundles. */
	public JsonObject record() {
		return TrainingJson.GSON.toJsonTree(record).getAsJsonObject();
	}

	@Override
	public void close() {
		network.close();
	}
}
