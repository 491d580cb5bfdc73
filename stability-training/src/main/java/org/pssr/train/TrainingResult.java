package org.pssr.train;

import java.util.Collections;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A finished (or finished early) run: the network with its best weights and what happened. */
public final class TrainingResult implements AutoCloseable {

	private final UNet network;
	private final List<EpochReport> history;
	private final JsonObject record;

	TrainingResult(final UNet network, final List<EpochReport> history, final JsonObject record) {
		this.network = network;
		this.history = Collections.unmodifiableList(history);
		this.record = record;
	}

	/** The network holding the weights of the best validation epoch. */
	public UNet network() {
		return network;
	}

	public List<EpochReport> history() {
		return history;
	}

	/** Options, device, timing, stop reason and per-epoch metrics, as recorded in model bundles. */
	public JsonObject record() {
		final JsonObject r = record.deepCopy();
		final JsonArray epochs = new JsonArray();
		for (final EpochReport e : history) {
			epochs.add(e.toJson());
		}
		r.add("epochs", epochs);
		return r;
	}

	@Override
	public void close() {
		network.close();
	}
}
