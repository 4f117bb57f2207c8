namespace MnistCourse.Notebooks.Engine;

/// <summary>
/// A formatted value: a MIME bundle (mime type → text; binary types such as image/png are base64) and, for displays
/// that can be updated, the display id. Used for display_data, update_display_data and execute_result.
/// </summary>
public sealed record DisplayData(IReadOnlyDictionary<string, string> Data, string? DisplayId = null);
