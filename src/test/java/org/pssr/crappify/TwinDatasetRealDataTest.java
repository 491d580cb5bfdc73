package org.pssr.crappify;

import org.pssr.testing.RealData;

/** {@link TwinDatasetTest} on the real movies. */
@RealData
class TwinDatasetRealDataTest extends TwinDatasetTest {}
