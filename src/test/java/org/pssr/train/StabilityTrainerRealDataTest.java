package org.pssr.train;

import org.pssr.testing.RealData;

/** {@link StabilityTrainerTest} on the real movies. */
@RealData
class StabilityTrainerRealDataTest extends StabilityTrainerTest {}
