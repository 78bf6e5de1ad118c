package io.benchline.station.cli;

import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.image.FirmwareImages;
import io.benchline.fixtures.image.ImageException;
import io.benchline.station.InputError;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The IMAGE argument and its --base option, shared by the commands that read a firmware image. */
final class ImageArgs {
    @Parameters(paramLabel = "IMAGE", description = "Firmware image: .hex, .elf or .bin.")
    Path file;

    @Option(
            names = "--base",
            paramLabel = "ADDR",
            converter = AddressConverter.class,
            description = "Load address of a raw .bin image, e.g. 0x08000000.")
    Long base;

    /** The image; a bad file is the user's input problem (exit 2). */
    FirmwareImage read() {
        try {
            return FirmwareImages.read(file, base);
        } catch (ImageException e) {
            throw new InputError(e.getMessage());
        }
    }
}
