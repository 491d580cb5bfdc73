package org.pssr.train.layout;

/** Keeps the encoder's activation at one level for the decoder's skip connection. */
public final class SaveSkip implements Step {

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.saveSkip();
	}
}
