package org.pssr.fiji;

import org.pssr.testing.RealData;

/** {@link GenerateTwinDataCommandTest} on the real movies. */
@RealData
class GenerateTwinDataCommandRealDataTest extends GenerateTwinDataCommandTest {}
