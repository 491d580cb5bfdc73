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

	/** Options, device, timing, stop reason and per-epoch metrics, as recorded in model bundles. */
	public JsonObject record() {
		return TrainingJson.GSON.toJsonTree(record).getAsJsonObject();
	}

	@Override
	public void close() {
		network.close();
	}
}
