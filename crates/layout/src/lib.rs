//! Layout. In: a [`liutu_model::Diagram`] and a [`liutu_measure::TextMeasure`]. Out: a [`liutu_scene::Scene`].
