from quickscan_app.ui.screens.review import render

render()
