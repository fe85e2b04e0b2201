package io.rollcall.connector.cintoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.rollcall.settings.InvalidConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The file a Cintoo source keeps its rotating refresh token in: checked before start-up
 * goes on (the file, when there, is a small UTF-8 text file, and its folder can be
 * written: finding out later would mean rotating the single-use token and losing it),
 * read once to start from, and replaced atomically on every rotation.
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

	/**
	 * The refresh token to start from: the token file's, when it holds one (it is newer
	 * than any configured token, which rotation has used up), else the configured one.
	 */
	static String initialRefreshToken(String configured, @Nullable Path tokenFile) {
		if (tokenFile != null && Files.isReadable(tokenFile)) {
			try {
				String saved = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
				if (!saved.isEmpty()) {
					return saved;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the token file " + tokenFile.getFileName(), ex);
			}
		}
		return configured;
	}

	/**
	 * Writes beside the target, then moves over it: a crash leaves the old or the new
	 * token, never half.
	 */
	static void write(Path file, String token) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
			try {
				try {
					Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the directory's permissions apply.
				}
				Files.writeString(temp, token, StandardCharsets.UTF_8);
				try {
					Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
