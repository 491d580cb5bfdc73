package org.pssr.crappify;

import org.pssr.testing.RealData;

/** {@link RecipeTest} on the real movies. */
@RealData
class RecipeRealDataTest extends RecipeTest {}
