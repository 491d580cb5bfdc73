package org.pssr.cli;

import org.pssr.testing.RealData;

/** {@link TrainCommandTest} on the real movies. */
@RealData
class TrainCommandRealDataTest extends TrainCommandTest {}
