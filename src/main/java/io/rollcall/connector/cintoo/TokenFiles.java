package io.rollcall.connector.cintoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.rollcall.settings.InvalidConfigurationException;

/**
 * Checks, before start-up goes on, that a Cintoo source can keep its rotating refresh
 * token: the file, when there, is a small UTF-8 text file, and its folder can be written.
 * Finding out later would mean rotating the single-use token and losing it.
 */
final class TokenFiles {

	/** Far more than any token. */
	private static final long MAX_SIZE = 64 * 1024;

	private TokenFiles() {
	}

	/**
	 * Checks a token file.
	 * @param property the property naming it
	 * @param file the file
	 * @throws InvalidConfigurationException naming the property and what is wrong
	 */
	static void check(String property, Path file) {
		Path absolute = file.toAbsolutePath();
		if (Files.isDirectory(absolute)) {
			throw new InvalidConfigurationException(property, "is a directory, not a file");
		}
		if (Files.exists(absolute)) {
			readable(property, absolute);
		}
		writable(property, absolute);
	}

	private static void readable(String property, Path file) {
		try {
			if (Files.size(file) > MAX_SIZE) {
				throw new InvalidConfigurationException(property, "is larger than " + MAX_SIZE + " bytes: not a token");
			}
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString()
				.trim();
			for (int i = 0; i < text.length(); i++) {
				if (Character.isISOControl(text.charAt(i)) || Character.isWhitespace(text.charAt(i))) {
					throw new InvalidConfigurationException(property,
							"holds white space or a control character: not a token");
				}
			}
		}
		catch (CharacterCodingException ex) {
			throw new InvalidConfigurationException(property, "is not UTF-8 text");
		}
		catch (IOException ex) {
			throw new InvalidConfigurationException(property, "cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Creates the folder if needed and writes a probe beside the file, as a rotation
	 * will.
	 */
	private static void writable(String property, Path file) {
		Path folder = file.getParent();
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, ".rollcall-", ".probe");
			Files.delete(probe);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationException(property,
					"cannot be written: its folder cannot be created or written to (" + ex.getClass().getSimpleName()
							+ ")");
		}
	}

}
