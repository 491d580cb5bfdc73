package org.pssr.train.layout;

/** Joins the decoder's activation and the encoder's kept at the same level, channel-wise. */
public final class ConcatSkip implements Step {

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.concatSkip();
	}
}
