package org.pssr.train;

import java.io.IOException;
import java.nio.file.Path;

import org.pssr.crappify.TwinSource;

/**
 * Opens a twin dataset folder (written by the crappifier) as training and validation sources: the
 * seam between the training commands and the on-disk dataset format.
 */
public interface TwinDatasetOpener {

	Split open(Path folder) throws IOException;

	/** Training and held-out samples of one dataset. */
	final class Split {

		private final TwinSource train;
		private final TwinSource valid;
		private final Normalisation normalisation;

		public Split(final TwinSource train, final TwinSource valid, final Normalisation normalisation) {
			this.train = train;
			this.valid = valid;
			this.normalisation = normalisation;
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
