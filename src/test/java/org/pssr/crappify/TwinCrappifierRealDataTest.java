package org.pssr.crappify;

import org.pssr.testing.RealData;

/** {@link TwinCrappifierTest} on the real movies. */
@RealData
class TwinCrappifierRealDataTest extends TwinCrappifierTest {}
