package org.pssr.bench;

import java.util.List;

/** One benchmark: measures something on our side and, where there is one, on the reference side. */
public interface Workload {

	/** Short name for {@code pssr bench --only}, e.g. {@code train-small-128}. */
	String name();

	List<Measurement> run(BenchContext context) throws Exception;
}
