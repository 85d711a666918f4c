//! Text art. In: a [`liutu_scene::Scene`] in cells. Out: a `String` of box drawing.
