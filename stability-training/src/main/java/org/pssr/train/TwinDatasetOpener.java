package org.pssr.train;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.pssr.crappify.TwinDataset;
import org.pssr.crappify.TwinSource;
import org.pssr.crappify.Normalisation;

/**
 * Opens a twin dataset folder (written by the crappifier) as training and validation sources: the
 * seam between the training commands and the on-disk dataset format.
 */
public interface TwinDatasetOpener {

	/** Folders written by the crappifier's {@code TwinDatasetWriter}. */
	TwinDatasetOpener FOLDER = folder -> {
		final TwinDataset dataset = TwinDataset.open(folder);
		return new Split(dataset.train(), dataset.valid(), dataset.normalisation(), dataset::close);
	};

	Split open(Path folder) throws IOException;

	/** Training and held-out samples of one dataset, readable until closed. */
	final class Split implements Closeable {

		private final TwinSource train;
		private final TwinSource valid;
		private final Normalisation normalisation;
		private final Closeable resource;

		public Split(final TwinSource train, final TwinSource valid, final Normalisation normalisation) {
			this(train, valid, normalisation, () -> {});
		}

		public Split(final TwinSource train, final TwinSource valid, final Normalisation normalisation,
			final Closeable resource)
		{
			this.train = train;
			this.valid = valid;
			this.normalisation = normalisation;
			this.resource = resource;
		}

		@Override
		public void close() throws IOException {
			resource.close();
		}

		public TwinSource train() {
			return train;
		}

		public TwinSource valid() {
			return valid;
		}

		/** How the dataset's samples were normalised; recorded in the bundle for inference. */
		public Normalisation normalisation() {
			return normalisation;
		}
	}
}
