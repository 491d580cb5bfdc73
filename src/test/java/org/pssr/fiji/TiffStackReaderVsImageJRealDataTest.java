package org.pssr.fiji;

import org.pssr.testing.RealData;

/** {@link TiffStackReaderVsImageJTest} on the real movies. */
@RealData
class TiffStackReaderVsImageJRealDataTest extends TiffStackReaderVsImageJTest {}
