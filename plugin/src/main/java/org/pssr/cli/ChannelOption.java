package org.pssr.cli;

import picocli.CommandLine.Option;

/**
 * {@code --channel}, of every command that reads one channel of its movies and does not draw twins
 * (those take it with the other twin settings, {@link TwinDrawOptions}).
 */
final class ChannelOption {

	@Option(names = "--channel", defaultValue = "1", paramLabel = "C",
		description = "Channel of a multi-channel movie, 1-based (default: ${DEFAULT-VALUE}).")
	int channel;
}
