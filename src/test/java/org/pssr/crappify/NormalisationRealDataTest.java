package org.pssr.crappify;

import org.pssr.testing.RealData;

/** {@link NormalisationTest} on the real movies. */
@RealData
class NormalisationRealDataTest extends NormalisationTest {}
