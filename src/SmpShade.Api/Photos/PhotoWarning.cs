namespace SmpShade.Api.Photos;

/// <summary>
/// Something a practitioner should know about a measurement: a stable <paramref name="Code"/>
/// (<c>reference.none</c>, <c>profile.assumed_srgb</c> …) and a plain-words message saying what to do.
/// </summary>
public readonly record struct PhotoWarning(string Code, string Message);
