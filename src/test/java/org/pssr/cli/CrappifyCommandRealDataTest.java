package org.pssr.cli;

import org.pssr.testing.RealData;

/** {@link CrappifyCommandTest} on the real movies. */
@RealData
class CrappifyCommandRealDataTest extends CrappifyCommandTest {}
